package io.rapport.tickets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import io.rapport.support.TestMail;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An agent opens tickets in the workspace: for a caller who is known, and by writing to a new customer first. */
@H2Database
class NewTicketBrowserTests extends BrowserTest {

    @Test
    void anAgentOpensATicketForAKnownCallerFoundAsTheyType() {
        String surname = "Quill" + UUID.randomUUID().toString().substring(0, 6);
        String email = "petra." + surname.toLowerCase() + "@example.com";
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Earlier",
                                "body",
                                "Earlier",
                                "customer",
                                Map.of("email", email, "name", "Petra " + surname)));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets");
        page.keyboard().press("c");
        page.waitForURL("**/tickets/new");
        page.locator("#customerEmail")
                .pressSequentially(
                        surname.substring(0, 5),
                        new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#customer-options option[value='" + email + "']"))
                .hasCount(1);
        page.fill("#customerEmail", email);
        page.fill("#subject", "Called about a double charge");
        page.fill("#body", "Petra called: she was charged twice for one order.");
        page.selectOption("#channel", "phone");
        page.fill("#tags", "billing, call");
        screenshot("agent-new-ticket");
        page.click("[data-rapport=create-ticket]");

        assertThat(page.locator("[role=status]")).containsText("The ticket is open.");
        assertThat(page.locator("[data-rapport=message]")).hasCount(1);
        assertThat(page.locator("[data-rapport=message]")).containsText("charged twice");
        long number = Long.parseLong(page.url().replaceAll(".*/tickets/(\\d+).*", "$1"));
        JsonNode ticket = admin().get("/api/v1/tickets?number=" + number)
                .json()
                .get("items")
                .get(0);
        assertThat(ticket.get("channel").asString()).isEqualTo("phone");
        assertThat(ticket.get("customer").get("email").asString()).isEqualTo(email);
        assertThat(ticket.get("assigneeId").asLong())
                .as("assigned to whoever opened it, by default")
                .isPositive();
        assertThat(ticket.get("tags").valueStream().map(JsonNode::asString)).containsExactly("billing", "call");
        JsonNode full =
                admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).json();
        assertThat(full.get("messages").get(0).get("author").get("type").asString())
                .isEqualTo("customer");
    }

    @Test
    void anAgentWritesToANewCustomerFirstAndTheMessageIsMailed() {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@customers.rapport.dev";
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/new");
        page.fill("#customerEmail", email);
        page.fill("#customerName", "Nils New");
        page.fill("#subject", "Your refund");
        page.check("input[name=firstMessage][value=agent]");
        page.fill("#body", "Hello Nils, your refund went out today.");
        page.selectOption("#channel", "email");
        page.click("[data-rapport=create-ticket]");

        assertThat(page.locator("[role=status]")).containsText("The ticket is open.");
        assertThat(page.locator("[data-rapport=message]")).containsText("Administrator");
        var mail = TestMail.waitFor(email, m -> TestMail.text(m).contains("your refund went out today"));
        assertThat(TestMail.subject(mail)).contains("Your refund");
        JsonNode customer = admin().get("/api/v1/customers?email=" + email)
                .json()
                .get("items")
                .get(0);
        assertThat(customer.get("name").asString()).isEqualTo("Nils New");
    }
}
