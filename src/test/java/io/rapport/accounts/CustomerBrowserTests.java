package io.rapport.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.Api;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customers and organizations as agents use them in the browser: find, edit, merge, and two agents on one page. */
@H2Database
class CustomerBrowserTests extends BrowserTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode ticketFrom(String email, String name, String subject) {
        Api.Response created = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                "Help with " + subject,
                                "customer",
                                Map.of("email", email, "name", name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode agent(String name) {
        return admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                name.toLowerCase().replace(' ', '.') + "-" + unique() + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1"))
                .json();
    }

    @Test
    void anAgentGoesFromATicketToTheCustomerEditsThemAndFindsTheirOrganization() {
        String domain = "north-" + unique() + ".test";
        JsonNode ticket = ticketFrom("nora@" + domain, "Nora North", "Card limit");
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);

        page.navigate("/organizations");
        page.fill("#org-name", "North " + domain);
        page.fill("#org-domains", domain);
        page.click("[data-rapport=new-organization] button[type=submit]");
        assertThat(page.locator("h1")).hasText("North " + domain);
        assertThat(page.locator("[data-rapport=members]")).containsText("Nora North");
        assertThat(page.locator("[data-rapport=profile-tickets]")).containsText("Card limit");
        screenshot("organization");

        page.navigate("/tickets/" + ticket.get("number").asLong());
        page.click("[data-rapport=customer-link]");
        assertThat(page.locator("h1")).hasText("Nora North");
        assertThat(page.locator("[data-rapport=profile-tickets]")).containsText("Card limit");
        assertThat(page.locator(".ticket-head .badge")).hasText("North " + domain);
        page.fill("#name", "Nora North-Smith");
        page.selectOption("#language", "de");
        page.fill("#notes", "Prefers calls after 10.");
        page.click("[data-rapport=save-customer]");
        assertThat(page.locator("[role=status]")).containsText("Saved.");
        assertThat(page.locator("h1")).hasText("Nora North-Smith");
        page.click("#history summary");
        assertThat(page.locator("[data-rapport=history]"))
                .containsText("changed name from Nora North to Nora North-Smith");
        screenshot("customer");

        page.navigate("/customers?q=north-smith");
        assertThat(page.locator("[data-rapport=customer-row]")).hasCount(1);
    }

    @Test
    void twoAgentsEditingOneCustomerKeepEachOthersChanges() {
        JsonNode ticket = ticketFrom("pat-" + unique() + "@example.com", "Pat Parallel", "Two editors");
        long id = ticket.get("customer").get("id").asLong();
        JsonNode ben = agent("Ben Editor");
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/customers/" + id);

        BrowserContext other = newContext();
        try {
            Page benPage = other.newPage();
            signInAsAgent(benPage, ben.get("email").asString(), "agent-password-1");
            benPage.navigate("/customers/" + id);
            benPage.fill("#notes", "VIP since 2020.");
            benPage.click("[data-rapport=save-customer]");
            assertThat(benPage.locator("[role=status]")).containsText("Saved.");
        } finally {
            other.close();
        }

        page.fill("#name", "Pat Parallel-Jones");
        page.click("[data-rapport=save-customer]");
        assertThat(page.locator("[role=status]")).containsText("Saved.");
        JsonNode now = admin().get("/api/v1/customers/" + id).json();
        assertThat(now.get("name").asString()).isEqualTo("Pat Parallel-Jones");
        assertThat(now.get("notes").asString()).as("the colleague's notes stay").isEqualTo("VIP since 2020.");
    }

    @Test
    void anAgentMergesADuplicateCustomerAndTheOldAddressLeadsToTheKeptOne() {
        String keptEmail = "kim-" + unique() + "@example.com";
        String duplicateEmail = "kim.private-" + unique() + "@example.com";
        ticketFrom(keptEmail, "Kim Kept", "First contact");
        long duplicate = ticketFrom(duplicateEmail, "Kim (private)", "Second contact")
                .get("customer")
                .get("id")
                .asLong();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/customers/" + duplicate);
        page.fill("#into", keptEmail);
        page.check("[data-rapport=merge-customer] input[name=confirm]");
        page.click("[data-rapport=merge-customer] button[type=submit]");
        assertThat(page.locator("[role=status]")).containsText("Merged.");
        assertThat(page.locator("h1")).hasText("Kim Kept");
        assertThat(page.locator("[data-rapport=identities]")).containsText(duplicateEmail);
        assertThat(page.locator("[data-rapport=profile-ticket]")).hasCount(2);

        page.navigate("/customers/" + duplicate);
        assertThat(page.locator("h1")).hasText("Kim Kept");
    }

    @Test
    void anAgentTicksTicketsInAViewAndChangesThemAtOnce() {
        String email = "bulk-" + unique() + "@example.com";
        String tag = "wave-" + unique();
        List<Long> numbers = List.of(
                ticketFrom(email, "Bo Bulk", "Bulk one " + tag).get("number").asLong(),
                ticketFrom(email, "Bo Bulk", "Bulk two " + tag).get("number").asLong());
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all&q=" + tag);
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(2);
        page.check("[data-rapport=pick-all]");
        assertThat(page.locator("#bulk-count")).hasText("2 selected");
        page.selectOption("#bulk-priority", "urgent");
        page.fill("#bulk-tag", "escalated");
        page.click("[data-rapport=bulk-apply]");
        assertThat(page.locator("[data-rapport=bulk-summary]")).containsText("Changed: 2.");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=" + tag + ".*"));
        screenshot("agent-views-bulk");
        for (long number : numbers) {
            JsonNode t = admin().get("/api/v1/tickets?number=" + number)
                    .json()
                    .get("items")
                    .get(0);
            assertThat(t.get("priority").asString()).isEqualTo("urgent");
            assertThat(t.get("tags").valueStream().map(JsonNode::asString)).contains("escalated");
        }

        // one ticket merged into the other from the ticket page
        page.navigate("/tickets/" + numbers.get(1));
        page.click("#merge summary");
        page.fill("#merge-into", String.valueOf(numbers.get(0)));
        page.check("[data-rapport=merge-ticket] input[name=confirm]");
        page.click("[data-rapport=merge-ticket] button[type=submit]");
        assertThat(page.locator("[role=status]")).containsText("was merged into this one");
        assertThat(page.locator("#conversation")).containsText("Help with Bulk two");
        page.navigate("/tickets/" + numbers.get(1));
        assertThat(page.locator("[data-rapport=merged-into]")).containsText("#" + numbers.get(0));
    }
}
