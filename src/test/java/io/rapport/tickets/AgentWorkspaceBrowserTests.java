package io.rapport.tickets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent's day: sign in, find a ticket, open it, reply, note, change it; live updates and presence. */
@H2Database
class AgentWorkspaceBrowserTests extends BrowserTest {

    JsonNode ticket(String subject) {
        var created = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                "My card payment was declined at the shop today.",
                                "customer",
                                Map.of("email", "c-" + UUID.randomUUID() + "@example.com", "name", "Cleo Customer"),
                                "tags",
                                List.of("cards")));
        return created.json();
    }

    JsonNode agent(String name) {
        return admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                name.toLowerCase().replace(' ', '.') + "-"
                                        + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1"))
                .json();
    }

    @Test
    void aTicketLinkLeadsToThatTicketAfterSigningIn() {
        long number = ticket("Shared in the team chat").get("number").asLong();
        page.navigate("/tickets/" + number);
        page.waitForURL("**/login");
        page.fill("input[name=username]", ADMIN_EMAIL);
        page.fill("input[name=password]", ADMIN_PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL("**/tickets/" + number);
        assertThat(page.locator("h1")).containsText("#" + number + " Shared in the team chat");
    }

    /** The address a person types is the number they see; links from before, which carried the id, still work. */
    @Test
    void aTicketIsAtItsNumberAndOldIdLinksLeadThere() {
        JsonNode ticket = ticket("Addresses " + UUID.randomUUID().toString().substring(0, 6));
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        assertThat(number).as("numbers and ids differ here").isNotEqualTo(id);
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        assertThat(page.locator("h1")).containsText("#" + number);
        page.navigate("/tickets/" + id);
        page.waitForURL("**/tickets/" + number);
        assertThat(page.locator("h1")).containsText("#" + number);
        assertThat(page.navigate("/tickets/987654321").status()).isEqualTo(404);
        page.navigate("/tickets?view=all");
        page.getByText(ticket.get("subject").asString()).click();
        page.waitForURL("**/tickets/" + number);
    }

    @Test
    void agentSignsInOpensATicketAndReplies() {
        JsonNode ticket = ticket(
                "Card declined at the bakery " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=open");
        screenshot("agent-views");
        page.getByText(ticket.get("subject").asString()).click();
        page.waitForURL("**/tickets/" + ticket.get("number").asLong());

        page.fill("[data-rapport=reply-body]", "Hello Cleo, I have unblocked your card. Please try again.");
        page.click("[data-rapport=reply-send]");
        page.waitForURL("**/tickets/" + ticket.get("number").asLong() + "**");
        Locator replies = page.locator("[data-rapport=message][data-visibility=public][data-author=agent]");
        assertThat(replies).hasCount(1);
        assertThat(replies.first()).containsText("I have unblocked your card");
        assertThat(page.locator("[data-rapport=status]")).hasText("Open");

        page.fill("[data-rapport=reply-body]", "Card was blocked by the fraud rule FR-12.");
        page.click("[data-rapport=note-send]");
        assertThat(page.locator("[data-rapport=message][data-visibility=internal]"))
                .hasCount(1);
        screenshot("agent-ticket");

        JsonNode stored =
                admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).json();
        assertThat(stored.get("messages").size()).isEqualTo(3);
        assertThat(stored.get("messages").get(1).get("visibility").asString()).isEqualTo("public");
        assertThat(stored.get("messages").get(2).get("visibility").asString()).isEqualTo("internal");
    }

    @Test
    void agentChangesPropertiesAndSolvesWithTheReply() {
        JsonNode ticket = ticket("Properties " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + ticket.get("number").asLong());
        page.selectOption("#priority", "urgent");
        page.fill("#tags", "cards, vip");
        page.click("[data-rapport=save-properties]");
        assertThat(page.locator("#priority")).hasValue("urgent");
        assertThat(page.locator("#tags")).hasValue("cards, vip");

        page.fill("[data-rapport=reply-body]", "Fixed. Let us know if it works.");
        page.selectOption("#statusAfter", "solved");
        page.click("[data-rapport=reply-send]");
        assertThat(page.locator("[data-rapport=status]")).hasText("Solved");
        JsonNode stored =
                admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).json();
        assertThat(stored.get("status").asString()).isEqualTo("solved");
        assertThat(stored.get("priority").asString()).isEqualTo("urgent");
    }

    @Test
    void emptyReplyIsRefusedAndNothingIsLost() {
        JsonNode ticket = ticket("Empty reply " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + ticket.get("number").asLong());
        page.evaluate("document.querySelector('[data-rapport=reply-body]').removeAttribute('required')");
        page.fill("[data-rapport=reply-body]", "   ");
        page.click("[data-rapport=reply-send]");
        assertThat(page.locator(".alert.error")).containsText("Write a message first");
        assertThat(page.locator("[data-rapport=message]")).hasCount(1);
    }

    @Test
    void keyboardMovesThroughTheListAndOpensATicket() {
        ticket("Keyboard " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all");
        page.keyboard().press("j");
        assertThat(page.locator("tr.selected")).hasCount(1);
        page.keyboard().press("Enter");
        page.waitForURL("**/tickets/*");
        page.keyboard().press("r");
        assertThat(page.locator("[data-rapport=reply-body]")).isFocused();
        page.keyboard().press("Escape");
        page.keyboard().press("u");
        page.waitForURL("**/tickets?view=all"); // back to the view it came from
        page.keyboard().press("?");
        assertThat(page.locator("#shortcuts")).isVisible();
    }

    @Test
    void newMessagesAppearLiveAndOtherAgentsAreShown() {
        JsonNode ticket = ticket("Live " + UUID.randomUUID().toString().substring(0, 6));
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        JsonNode ben = agent("Ben Second");
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        assertThat(page.locator("[data-rapport=message]")).hasCount(1);

        BrowserContext other = newContext();
        try {
            Page benPage = other.newPage();
            signInAsAgent(benPage, ben.get("email").asString(), "agent-password-1");
            benPage.navigate("/tickets/" + number);
            assertThat(page.locator("[data-rapport=presence-notice]")).containsText("Ben Second is viewing");
            benPage.fill("[data-rapport=reply-body]", "Typing an answer");
            assertThat(page.locator("[data-rapport=presence-notice]")).containsText("Ben Second is replying");
            assertThat(benPage.locator("[data-rapport=presence-notice]")).containsText("Administrator is viewing");
        } finally {
            other.close();
        }

        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Sent from the API while the page is open"));
        assertThat(page.locator("[data-rapport=message]")).hasCount(2);
        assertThat(page.locator("[data-rapport=conversation], #conversation")).containsText("Sent from the API");
    }

    /**
     * Two agents on one ticket: the colleague's change shows in my sidebar in place and the notice stays; a field the
     * colleague did not touch is saved when I save (their internal note does not stop it either); a field we both
     * changed keeps their value and names both, and I can then choose mine again on purpose.
     */
    @Test
    void twoAgentsOnOneTicketMergeFieldByField() {
        JsonNode ticket = ticket("Two savers " + UUID.randomUUID().toString().substring(0, 6));
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        JsonNode ben = agent("Ben Saver");
        String teamName = "Cards " + UUID.randomUUID().toString().substring(0, 6);
        long team = admin().post("/api/v1/teams", Map.of("name", teamName))
                .json()
                .get("id")
                .asLong();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        page.selectOption("#priority", "urgent"); // chosen, not saved yet

        BrowserContext other = newContext();
        try {
            Page benPage = other.newPage();
            signInAsAgent(benPage, ben.get("email").asString(), "agent-password-1");
            benPage.navigate("/tickets/" + number);
            benPage.selectOption("#priority", "low");
            benPage.selectOption("#teamId", String.valueOf(team));
            benPage.click("[data-rapport=save-properties]");
            assertThat(benPage.locator("#priority")).hasValue("low");
            benPage.fill("[data-rapport=reply-body]", "Checked the card limits.");
            benPage.click("[data-rapport=note-send]");
            assertThat(benPage.locator("[data-rapport=message]")).hasCount(2);
        } finally {
            other.close();
        }

        // Ben's team shows here without a reload; my unsaved priority stays mine
        assertThat(page.locator("#teamId")).hasValue(String.valueOf(team));
        assertThat(page.locator("#priority")).hasValue("urgent");
        assertThat(page.locator("[data-rapport=ticket-updated]")).isVisible();
        page.waitForTimeout(1000); // the notice stays (it vanished after 60 ms when presence news came in)
        assertThat(page.locator("[data-rapport=ticket-updated]")).isVisible();
        assertThat(page.locator("[data-rapport=message]")).hasCount(2);

        page.fill("#tags", "chosen, by-me");
        page.click("[data-rapport=save-properties]");
        assertThat(page.locator("[data-rapport=conflicts]"))
                .containsText("Priority: Ben Saver set it to Low meanwhile, so your choice (Urgent) was not saved.");
        assertThat(page.locator("#priority")).hasValue("low");
        screenshot("agent-ticket-field-conflict");
        JsonNode now = admin().get("/api/v1/tickets/" + id).json();
        assertThat(now.get("priority").asString())
                .as("the colleague's change stands")
                .isEqualTo("low");
        assertThat(now.get("teamId").asLong())
                .as("and the field only they changed")
                .isEqualTo(team);
        assertThat(now.get("tags").valueStream().map(JsonNode::asString).toList())
                .as("what only I changed is saved")
                .containsExactlyInAnyOrder("chosen", "by-me");

        page.selectOption("#priority", "urgent");
        page.click("[data-rapport=save-properties]");
        assertThat(page.locator(".alert.error")).hasCount(0);
        assertThat(page.locator("[role=status]")).containsText("Saved.");
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("priority").asString())
                .as("saved again on purpose, it is mine")
                .isEqualTo("urgent");
    }

    /** A list shows a new ticket and new counts by itself; an agent hears when a colleague gives them a ticket. */
    @Test
    void listsUpdateByThemselvesAndAnAgentHearsWhatConcernsThem() {
        JsonNode ben = agent("Ben Live");
        String token = "live" + UUID.randomUUID().toString().substring(0, 6);
        signInAsAgent(page, ben.get("email").asString(), "agent-password-1");
        page.navigate("/tickets?view=all&q=" + token);
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(0);
        page.waitForTimeout(500); // the page's live stream is open

        JsonNode ticket = ticket("Arrived live " + token);
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(1);
        assertThat(page.locator("[data-rapport=view-link][data-shortcut='1'] .count"))
                .hasText("0");

        admin().patch(
                        "/api/v1/tickets/" + ticket.get("id").asLong(),
                        Map.of("assigneeId", ben.get("id").asLong()));
        assertThat(page.locator("[data-rapport=notice]"))
                .containsText("#" + ticket.get("number").asLong() + " Arrived live " + token + " was assigned to you.");
        assertThat(page.locator("[data-rapport=view-link][data-shortcut='1'] .count"))
                .hasText("1");
        screenshot("agent-views-notice");
    }

    /** An agent narrows a list with the filter panel and saves it as a view the team shares. */
    @Test
    void anAgentFiltersAListAndSavesItForTheTeam() {
        String tag = "vip" + UUID.randomUUID().toString().substring(0, 6);
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Urgent for " + tag,
                                "body",
                                "x",
                                "priority",
                                "urgent",
                                "tags",
                                List.of(tag),
                                "customer",
                                Map.of("email", "f-" + UUID.randomUUID() + "@example.com")));
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Low for " + tag,
                                "body",
                                "x",
                                "priority",
                                "low",
                                "tags",
                                List.of(tag),
                                "customer",
                                Map.of("email", "f-" + UUID.randomUUID() + "@example.com")));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all");
        page.click("[data-rapport=filters] summary");
        page.check("input[name=priority][value=urgent]");
        page.fill("#filter-tag", tag);
        page.click("[data-rapport=apply-filter]");
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(1);
        assertThat(page.locator("[data-rapport=ticket-row]")).containsText("Urgent for " + tag);
        page.fill("#view-name", "Urgent " + tag);
        page.check("[data-rapport=save-view] input[name=shared]");
        screenshot("agent-views-filter");
        page.click("[data-rapport=save-view] button[type=submit]");
        assertThat(page.locator("h1")).hasText("Urgent " + tag);
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(1);

        JsonNode ben = agent("Ben Viewer");
        BrowserContext other = newContext();
        try {
            Page benPage = other.newPage();
            signInAsAgent(benPage, ben.get("email").asString(), "agent-password-1");
            benPage.navigate("/tickets");
            benPage.click("[data-rapport=saved-view]:has-text('Urgent " + tag + "')");
            assertThat(benPage.locator("[data-rapport=ticket-row]")).hasCount(1);
            assertThat(benPage.locator("[data-rapport=delete-view]")).hasCount(0);
        } finally {
            other.close();
        }
    }

    /** "Send and next" answers one ticket and opens the next one of the list the agent came from. */
    @Test
    void sendAndNextGoesOnThroughTheList() {
        String token = "next" + UUID.randomUUID().toString().substring(0, 6);
        long first = ticket("First " + token).get("number").asLong();
        long second = ticket("Second " + token).get("number").asLong();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all&sort=number&q=" + token);
        assertThat(page.locator("[data-rapport=ticket-row]")).hasCount(2);
        page.click("[data-rapport=ticket-row] a:has-text('First " + token + "')");
        page.fill("[data-rapport=reply-body]", "Done, thank you.");
        page.click("[data-rapport=reply-send-next]");
        page.waitForURL("**/tickets/" + second);
        assertThat(page.locator("[data-rapport=sent-from]")).containsText("#" + first);
        assertThat(admin().get("/api/v1/tickets?number=" + first)
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("open");
    }

    /** Single-key shortcuts can be turned off and on again; the sorted column says so to assistive technology. */
    @Test
    void singleKeyShortcutsCanBeTurnedOffAndTheSortIsAnnounced() {
        ticket("Shortcuts " + UUID.randomUUID().toString().substring(0, 6));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all&sort=status");
        assertThat(page.locator("th[aria-sort=ascending]")).containsText("Status");
        assertThat(page.locator("th[aria-sort=descending]")).hasCount(0);
        page.click("[data-rapport=show-shortcuts]");
        page.uncheck("[data-rapport=single-keys]");
        page.click("#shortcuts form button");
        page.keyboard().press("j");
        assertThat(page.locator("tr.selected")).hasCount(0);
        page.reload();
        page.keyboard().press("j");
        assertThat(page.locator("tr.selected")).hasCount(0); // off stays off
        page.click("[data-rapport=show-shortcuts]");
        page.check("[data-rapport=single-keys]");
        page.click("#shortcuts form button");
        page.keyboard().press("j");
        assertThat(page.locator("tr.selected")).hasCount(1);
    }

    /** The activity says names and words, includes replies and notes, and filters; a draft and "back" survive. */
    @Test
    void theActivityReadsAsSaidAndADraftAndTheWayBackAreKept() {
        JsonNode ticket = ticket("Activity " + UUID.randomUUID().toString().substring(0, 6));
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        String teamName = "Cards & Payments " + UUID.randomUUID().toString().substring(0, 4);
        long team = admin().post("/api/v1/teams", Map.of("name", teamName))
                .json()
                .get("id")
                .asLong();
        admin().patch("/api/v1/tickets/" + id, Map.of("teamId", team, "priority", "high"));
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Looking into it."));
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Checked.", "visibility", "internal"));
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);

        String search = ticket.get("subject").asString();
        page.navigate(
                "/tickets?view=all&q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
        page.click("[data-rapport=ticket-row] a");
        page.click("#activity summary");
        var activity = page.locator("[data-rapport=activity]");
        assertThat(activity).containsText("Team: none → " + teamName);
        assertThat(activity).containsText("Priority: Normal → High");
        assertThat(activity).containsText("Status: New → Open");
        assertThat(activity).containsText("replied to the customer");
        assertThat(activity).containsText("added an internal note");
        assertThat(activity).containsText("wrote");
        page.click("[data-activity-filter=change]");
        assertThat(page.locator("[data-rapport=activity] li[data-kind=note]")).isHidden();
        assertThat(page.locator("[data-rapport=activity] li[data-kind=change]").first())
                .isVisible();
        page.click("[data-activity-filter=message]");
        assertThat(page.locator("[data-rapport=activity] li[data-kind=change]").first())
                .isHidden();

        // a reply being written survives leaving the page and a reload, and goes when sent
        page.fill("[data-rapport=reply-body]", "Half-written answer");
        page.waitForTimeout(500);
        page.click("[data-rapport=back]");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*view=all.*q=.*"));
        page.navigate("/tickets/" + number);
        assertThat(page.locator("[data-rapport=reply-body]")).hasValue("Half-written answer");
        page.reload();
        assertThat(page.locator("[data-rapport=reply-body]")).hasValue("Half-written answer");
        page.click("[data-rapport=note-send]");
        assertThat(page.locator("[data-rapport=message]")).hasCount(4);
        page.navigate("/tickets/" + number);
        assertThat(page.locator("[data-rapport=reply-body]")).hasValue("");
    }

    /**
     * The sign-in page, with or without "signed out": the page's own live connection may meet the ended session first,
     * and the next navigation then finds no session at all.
     */
    private static final java.util.regex.Pattern SIGN_IN_PAGE = java.util.regex.Pattern.compile(".*/login(\\?.*)?$");

    /** A password reset by an admin, or changed by the agent, ends every session signed in with the old one. */
    @Test
    void aChangedPasswordEndsTheAgentsOpenSessions() {
        JsonNode agent = agent("Pia Password");
        long id = agent.get("id").asLong();
        String email = agent.get("email").asString();
        signInAsAgent(page, email, "agent-password-1");
        BrowserContext phone = newContext();
        try {
            Page onPhone = phone.newPage();
            signInAsAgent(onPhone, email, "agent-password-1");

            assertThat(admin().patch("/api/v1/agents/" + id, Map.of("password", "reset-by-admin-2"))
                            .status())
                    .isEqualTo(200);
            page.navigate("/tickets");
            page.waitForURL(SIGN_IN_PAGE);
            onPhone.navigate("/tickets");
            onPhone.waitForURL(SIGN_IN_PAGE);

            signInAsAgent(page, email, "reset-by-admin-2");
            var own = new io.rapport.support.Api(port)
                    .basic(email, "reset-by-admin-2")
                    .patch(
                            "/api/v1/agents/" + id,
                            Map.of("password", "changed-by-me-3", "currentPassword", "reset-by-admin-2"));
            assertThat(own.status()).isEqualTo(200);
            page.navigate("/tickets");
            page.waitForURL(SIGN_IN_PAGE);
            signInAsAgent(page, email, "changed-by-me-3");
            assertThat(page.locator("h1")).isVisible();
        } finally {
            phone.close();
        }
    }

    @Test
    void aDeactivatedAgentIsSignedOutAtOnce() {
        JsonNode leaving = agent("Leaving Agent");
        signInAsAgent(page, leaving.get("email").asString(), "agent-password-1");
        admin().patch("/api/v1/agents/" + leaving.get("id").asLong(), Map.of("active", false));
        page.navigate("/tickets");
        assertThat(page.url()).contains("/login");
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void adminPagesNeedTheAdminRole() {
        JsonNode plain = agent("Plain Agent");
        signInAsAgent(page, plain.get("email").asString(), "agent-password-1");
        var response = page.navigate("/admin/agents");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void wrongPasswordShowsAnErrorAndEveryPageHasAContentSecurityPolicy() {
        var login = page.navigate("/login");
        assertThat(login.headers().get("content-security-policy")).contains("script-src 'self'");
        page.fill("input[name=username]", ADMIN_EMAIL);
        page.fill("input[name=password]", "wrong-password");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert.error")).isVisible();
        screenshot("agent-login");
    }
}
