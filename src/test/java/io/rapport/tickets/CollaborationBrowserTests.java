package io.rapport.tickets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agents on one problem (issue 8, point 4): a note names a colleague who is told at once and follows the ticket;
 * related tickets are linked; the reply editor formats and signs what it sends.
 */
@H2Database
class CollaborationBrowserTests extends BrowserTest {

    private JsonNode ticket(String subject) {
        return admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                "The app shows an error when I pay.",
                                "customer",
                                Map.of("email", "c-" + UUID.randomUUID() + "@example.com", "name", "Cleo")))
                .json();
    }

    private JsonNode agent(String name) {
        return admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                "a-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1"))
                .json();
    }

    @Test
    void aColleagueNamedInANoteIsToldAndFollowsTheTicket() {
        String surname = "Mention" + UUID.randomUUID().toString().substring(0, 5);
        JsonNode ben = agent("Bendix " + surname);
        JsonNode ticket = ticket("Payment error " + surname);
        long number = ticket.get("number").asLong();

        try (BrowserContext benContext = newContext()) {
            Page benPage = benContext.newPage();
            signInAsAgent(benPage, ben.get("email").asString(), "agent-password-1");
            benPage.navigate("/tickets?view=all");
            benPage.waitForTimeout(500); // the page's live stream is open

            signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            page.navigate("/tickets/" + number);
            page.locator("#reply-body").pressSequentially("Could you check this, @Bendi");
            assertThat(page.locator("[data-rapport=mention-options] [role=option]"))
                    .hasCount(1);
            assertThat(page.locator("#reply-body")).hasAttribute("aria-expanded", "true");
            screenshot("agent-mention");
            page.keyboard().press("Enter");
            assertThat(page.locator("#reply-body")).hasValue("Could you check this, @Bendix " + surname + " ");
            page.locator("#reply-body").pressSequentially("please?");
            page.click("[data-rapport=note-send]");
            assertThat(page.locator("[data-rapport=message]").last()).containsText("@Bendix " + surname);

            assertThat(benPage.locator("[data-rapport=notice]"))
                    .containsText("Administrator mentioned you on #" + number + " Payment error " + surname);
            benPage.navigate("/tickets/" + number);
            assertThat(benPage.locator("[data-rapport=followers]")).containsText("Bendix " + surname);
            assertThat(benPage.locator("[data-rapport=follow] button")).hasText("Stop following");

            // Ben follows: the customer's answer reaches him too, though the ticket is not his
            benPage.navigate("/tickets?view=all");
            benPage.waitForTimeout(500);
            var customer = admin().get("/api/v1/tickets/" + ticket.get("id").asLong())
                    .json()
                    .get("customer");
            assertThat(customer).isNotNull();
            admin().post(
                            "/api/v1/tickets/" + ticket.get("id").asLong() + "/messages",
                            Map.of("body", "A colleague's reply", "visibility", "public"));
            assertThat(benPage.locator("[data-rapport=notice]")).containsText("Administrator replied on #" + number);
        }
    }

    @Test
    void relatedTicketsAreLinkedFromTheTicketPage() {
        long number = ticket("Outage A").get("number").asLong();
        long other = ticket("Outage B").get("number").asLong();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        page.fill("#link-number", "#" + other);
        page.click("[data-rapport=link-ticket] button");
        assertThat(page.locator("[data-rapport=related]")).containsText("#" + other + " Outage B");
        page.fill("#link-number", "#" + number);
        page.click("[data-rapport=link-ticket] button");
        assertThat(page.locator("[data-rapport=related] .alert.error")).containsText("not this one");
        screenshot("agent-ticket-related");

        page.navigate("/tickets/" + other);
        assertThat(page.locator("[data-rapport=related]")).containsText("#" + number + " Outage A");
        page.click("[data-rapport=unlink] button");
        assertThat(page.locator("[data-rapport=related]")).containsText("No related tickets.");
    }

    @Test
    void theEditorFormatsAndSignsAReply() {
        JsonNode agent = agent("Sigrid Signs");
        long id = ticket("Formatting " + UUID.randomUUID()).get("id").asLong();
        long number = admin().get("/api/v1/tickets/" + id).json().get("number").asLong();
        signInAsAgent(page, agent.get("email").asString(), "agent-password-1");
        page.click("[data-rapport=profile-link]");
        page.fill("#signature", "Sigrid\nCards team");
        page.click("[data-rapport=profile] button[type=submit]");
        assertThat(page.locator("[role=status]")).containsText("Saved.");

        page.navigate("/tickets/" + number);
        assertThat(page.locator("[data-rapport=signature-hint]")).isVisible();
        page.locator("#reply-body").pressSequentially("Steps");
        page.keyboard().press("Control+a");
        page.keyboard().press("Control+b");
        page.locator("#reply-body").press("End");
        page.locator("#reply-body").pressSequentially("\none\ntwo");
        // the list from the toolbar, reached by Tab and the arrow keys
        page.locator("#reply-body")
                .evaluate("b => { const i = b.value.indexOf('one'); b.setSelectionRange(i, b.value.length); }");
        page.locator("[data-format=bold]").focus();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("[data-format=bullets]")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#reply-body")).hasValue("**Steps**\n- one\n- two");
        screenshot("agent-editor");
        page.click("[data-rapport=reply-send]");

        var last = page.locator("[data-rapport=message]").last();
        assertThat(last.locator(".body-html strong")).hasText("Steps");
        assertThat(last.locator(".body-html li")).hasCount(2);
        assertThat(last).containsText("Cards team");
        List<JsonNode> messages = admin().get("/api/v1/tickets/" + id)
                .json()
                .get("messages")
                .valueStream()
                .toList();
        JsonNode reply = messages.getLast();
        assertThat(reply.get("body").asString()).isEqualTo("**Steps**\n- one\n- two\n\n--\nSigrid\nCards team");
        assertThat(reply.get("bodyHtml").asString())
                .contains("<strong>Steps</strong>")
                .contains("<li>one</li>");
    }

    /** The agent a ticket is handed on to reads the handoff note first, above the conversation. */
    @Test
    void theReceiverOfAnEscalationReadsTheHandoffFirst() {
        JsonNode specialist = agent("Sofia Specialist");
        JsonNode ticket =
                ticket("Disputed charge " + UUID.randomUUID().toString().substring(0, 5));
        var escalated = admin().post(
                        "/api/v1/tickets/" + ticket.get("id").asLong() + "/escalations",
                        Map.of(
                                "toAgentId",
                                specialist.get("id").asLong(),
                                "note",
                                "Customer already sent the receipt.\nNeeds a chargeback form."));
        assertThat(escalated.status()).isEqualTo(201);
        signInAsAgent(page, specialist.get("email").asString(), "agent-password-1");
        page.navigate("/tickets/" + ticket.get("number").asLong());
        var handoff = page.locator("[data-rapport=handoff]");
        assertThat(handoff).containsText("Handed on by Administrator (hop 1)");
        assertThat(handoff).containsText("Needs a chargeback form.");
        screenshot("agent-handoff");
    }
}
