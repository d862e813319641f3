package io.rapport.tickets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import io.rapport.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customer's side: sign in by emailed link, open a ticket, read the agent's reply, say whether it is solved. */
@H2Database
class PortalBrowserTests extends BrowserTest {

    static String email() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    long openTicketInPortal(String subject) {
        page.click("[data-rapport=new-ticket]");
        page.fill("input[name=subject]", subject);
        page.fill("textarea[name=body]", "The app says my card is frozen, but I never froze it.");
        page.setInputFiles(
                "input[name=attachments]",
                new FilePayload("screenshot.txt", "text/plain", "frozen card screen".getBytes(StandardCharsets.UTF_8)));
        page.click("[data-rapport=submit-ticket]");
        page.waitForURL("**/portal/tickets/*");
        return idOf(Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1)));
    }

    /** The API id of the ticket the portal shows at this number. */
    long idOf(long number) {
        JsonNode found = admin().get("/api/v1/tickets?number=" + number).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        return found.get("items").get(0).get("id").asLong();
    }

    @Test
    void customerOpensATicketSeesTheReplyAndConfirmsItIsSolved() {
        String email = email();
        signInAsCustomer(page, email);
        screenshot("portal-tickets");
        long id = openTicketInPortal("My card is frozen");
        assertThat(page.locator("[data-rapport=message]")).hasCount(1);
        assertThat(page.locator(".attachments a")).hasText("screenshot.txt (18 B)");

        JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("web");
        assertThat(ticket.get("customer").get("email").asString()).isEqualTo(email);
        assertThat(ticket.get("messages")
                        .get(0)
                        .get("attachments")
                        .get(0)
                        .get("filename")
                        .asString())
                .isEqualTo("screenshot.txt");

        admin().post(
                        "/api/v1/tickets/" + id + "/messages",
                        Map.of("body", "I have unfrozen your card. Please try again."));
        admin().post(
                        "/api/v1/tickets/" + id + "/messages",
                        Map.of("body", "Fraud rule fired", "visibility", "internal"));
        admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));

        page.reload();
        assertThat(page.locator("[data-rapport=message][data-author=agent]")).containsText("I have unfrozen your card");
        assertThat(page.getByText("Fraud rule fired")).hasCount(0);
        assertThat(page.locator("[data-rapport=confirm-solved]")).isVisible();
        screenshot("portal-solved-question");
        page.click("[data-rapport=confirm-solved]");
        assertThat(page.locator("[data-rapport=status]")).hasText("Closed");
        assertThat(page.locator("[data-rapport=confirm-solved]")).hasCount(0);

        JsonNode done = admin().get("/api/v1/tickets/" + id).json();
        assertThat(done.get("outcome").asString()).isEqualTo("confirmed");
        assertThat(done.get("status").asString()).isEqualTo("closed");
    }

    @Test
    void notSolvedReopensTheTicketWithTheCustomersWords() {
        signInAsCustomer(page, email());
        long id = openTicketInPortal("Still frozen");
        admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        // the "No, still a problem" link of the mail: the page asks what is wrong; nothing changes until the button
        page.navigate(page.url().replaceAll("\\?.*", "") + "?answer=not-solved");
        assertThat(page.locator("input[name=comment]")).isFocused();
        assertThat(page.locator("[data-rapport=solution-question] [role=status]"))
                .containsText("still a problem");
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("status").asString())
                .isEqualTo("solved");
        page.fill("input[name=comment]", "It is still frozen this morning.");
        page.click("[data-rapport=not-solved]");
        assertThat(page.locator("[data-rapport=status]")).hasText("In progress");

        JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("outcome").asString()).isEqualTo("not_solved");
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(ticket.get("messages")
                        .get(ticket.get("messages").size() - 1)
                        .get("body")
                        .asString())
                .isEqualTo("It is still frozen this morning.");
    }

    @Test
    void aCommentTooLongToStoreLeavesTheTicketSolvedAndGivesTheWordsBack() {
        signInAsCustomer(page, email());
        long id = openTicketInPortal("Card blocked");
        admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        page.reload();
        page.locator("input[name=comment]").evaluate("(el) => el.value = 'x'.repeat(100001)");
        page.click("[data-rapport=not-solved]");
        assertThat(page.locator(".alert.error")).containsText("too long");
        assertThat(page.locator("input[name=comment]").inputValue()).hasSize(100_001);
        assertThat(page.locator("[data-rapport=solution-question]")).isVisible();

        JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString())
                .as("the rejection was not stored alone")
                .isEqualTo("solved");
        assertThat(ticket.get("outcome").asString()).isEqualTo("unknown");
        assertThat(ticket.get("messages").size()).isEqualTo(1);
    }

    @Test
    void anOversizeUploadIsRefusedWithAClearPageAndNothingIsCreated() {
        String email = email();
        signInAsCustomer(page, email);
        page.click("[data-rapport=new-ticket]");
        page.fill("input[name=subject]", "Big file");
        page.fill("textarea[name=body]", "See the attached file.");
        page.setInputFiles(
                "input[name=attachments]",
                new FilePayload("huge.bin", "application/octet-stream", new byte[1024 * 1024 + 100]));
        page.click("[data-rapport=submit-ticket]");
        // the browser refuses the file before sending: the form and what was typed stay
        assertThat(page.locator("input[name=attachments]").evaluate("el => el.validationMessage"))
                .asString()
                .contains("huge.bin", "1 MB");
        assertThat(page.url()).endsWith("/portal/tickets/new");
        assertThat(page.locator("textarea[name=body]")).hasValue("See the attached file.");

        // each file under the limit, together over the request limit (3 MB in tests): refused as well
        byte[] nearlyOneMb = new byte[900 * 1024];
        page.setInputFiles("input[name=attachments]", new FilePayload[] {
            new FilePayload("a.bin", "application/octet-stream", nearlyOneMb),
            new FilePayload("b.bin", "application/octet-stream", nearlyOneMb),
            new FilePayload("c.bin", "application/octet-stream", nearlyOneMb),
            new FilePayload("d.bin", "application/octet-stream", nearlyOneMb)
        });
        page.click("[data-rapport=submit-ticket]");
        assertThat(page.locator("input[name=attachments]").evaluate("el => el.validationMessage"))
                .asString()
                .contains("together", "3 MB");
        assertThat(page.url()).endsWith("/portal/tickets/new");

        // a client that skips the check gets the server's clear 413 page, and nothing is stored
        page.locator("input[name=attachments]")
                .evaluate("el => { el.removeAttribute('data-max-bytes'); el.setCustomValidity(''); }");
        page.setInputFiles(
                "input[name=attachments]",
                new FilePayload("huge.bin", "application/octet-stream", new byte[1024 * 1024 + 100]));
        var response = page.waitForResponse(
                r -> r.url().endsWith("/portal/tickets") && r.request().method().equals("POST"),
                () -> page.click("[data-rapport=submit-ticket]"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(page.locator("h1")).containsText("413");
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + email)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aCustomerCannotSeeAnotherCustomersTicket() {
        var other = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", "Private", "body", "Mine only", "customer", Map.of("email", email())))
                .json();
        long otherId = other.get("id").asLong();
        long otherNumber = other.get("number").asLong();
        signInAsCustomer(page, email());
        assertThat(page.navigate("/portal/tickets/" + otherNumber).status()).isEqualTo(404);
        assertThat(page.locator("body")).not().containsText("Mine only");
        assertThat(page.navigate("/portal/tickets/" + otherId).status())
                .as("an old id link to another's ticket")
                .isEqualTo(404);
        assertThat(page.locator("body")).not().containsText("Mine only");
        assertThat(page.navigate("/portal/tickets/987654321").status()).isEqualTo(404);
        var attachment = page.request().get("/portal/attachments/1");
        assertThat(attachment.status()).isIn(404);
        var forged = page.request().post("/portal/tickets/" + otherNumber + "/confirm");
        assertThat(forged.status()).as("no CSRF token: refused").isEqualTo(403);
    }

    @Test
    void aCustomerCannotAnswerWriteOnOrDownloadFromAnotherCustomersTicket() {
        var other = admin().multipart(
                        "/api/v1/tickets",
                        "ticket",
                        Map.of("subject", "Theirs", "body", "Not yours", "customer", Map.of("email", email())),
                        "theirs.txt",
                        "private".getBytes(StandardCharsets.UTF_8))
                .json();
        long otherId = other.get("id").asLong();
        long otherNumber = other.get("number").asLong();
        long otherAttachment = firstAttachmentId(otherId);
        admin().patch("/api/v1/tickets/" + otherId, Map.of("status", "solved"));

        signInAsCustomer(page, email());
        long mine = openTicketInPortal("Mine");
        var note = admin().multipart(
                        "/api/v1/tickets/" + mine + "/messages",
                        "message",
                        Map.of("body", "internal check", "visibility", "internal"),
                        "internal.txt",
                        "agents only".getBytes(StandardCharsets.UTF_8))
                .json();
        long internalAttachment = note.get("attachments").get(0).get("id").asLong();
        page.reload();
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        var form = com.microsoft.playwright.options.FormData.create().set("_csrf", csrf);

        for (String action : List.of("confirm", "not-solved", "messages")) {
            var forged = page.request()
                    .post(
                            "/portal/tickets/" + otherNumber + "/" + action,
                            com.microsoft.playwright.options.RequestOptions.create()
                                    .setForm(form.set("body", "hijack").set("comment", "hijack")));
            assertThat(forged.status()).as(action + " with a valid CSRF token").isEqualTo(404);
        }
        JsonNode theirs = admin().get("/api/v1/tickets/" + otherId).json();
        assertThat(theirs.get("status").asString()).isEqualTo("solved");
        assertThat(theirs.get("outcome").asString()).isEqualTo("unknown");
        assertThat(theirs.get("messages").size()).isEqualTo(1);

        assertThat(page.request().get("/portal/attachments/" + otherAttachment).status())
                .as("another customer's file")
                .isEqualTo(404);
        assertThat(page.request()
                        .get("/portal/attachments/" + internalAttachment)
                        .status())
                .as("a file on an internal note of my own ticket")
                .isEqualTo(404);
        long myAttachment = firstAttachmentId(mine);
        assertThat(page.request().get("/portal/attachments/" + myAttachment).status())
                .isEqualTo(200);
    }

    /** The id of the first file on the ticket's first message, as an agent sees it. */
    private long firstAttachmentId(long ticketId) {
        return admin().get("/api/v1/tickets/" + ticketId)
                .json()
                .get("messages")
                .get(0)
                .get("attachments")
                .get(0)
                .get("id")
                .asLong();
    }

    @Test
    void agentAndCustomerSessionsAreSeparate() {
        signInAsCustomer(page, email());
        assertThat(page.navigate("/tickets").url()).contains("/login");
        Page fresh = context.newPage();
        signInAsAgent(fresh, ADMIN_EMAIL, ADMIN_PASSWORD);
        fresh.navigate("/portal/tickets");
        assertThat(fresh.url()).contains("/portal/tickets");
        fresh.navigate("/tickets");
        assertThat(fresh.url()).endsWith("/tickets");

        // signing out of one leaves the other signed in
        fresh.click("button:has-text('Sign out')");
        fresh.waitForURL("**/login?signedOut");
        fresh.navigate("/portal/tickets");
        assertThat(fresh.url()).as("customer still signed in").contains("/portal/tickets");
        signInAsAgent(fresh, ADMIN_EMAIL, ADMIN_PASSWORD);
        fresh.navigate("/portal/tickets");
        fresh.click("button:has-text('Sign out')");
        fresh.waitForURL("**/portal/login");
        fresh.navigate("/tickets");
        assertThat(fresh.url()).as("agent still signed in").endsWith("/tickets");
    }

    @Test
    void aSignInLinkWorksOnce() {
        String email = email();
        page.navigate("/portal");
        page.fill("input[name=email]", email);
        page.click("[data-rapport=send-link]");
        String link = TestMail.signInLink(email);
        String path = link.substring(link.indexOf("/portal/auth"));
        var scanner = page.request().get(path);
        assertThat(scanner.status()).as("a mail scanner opening the link").isEqualTo(200);
        page.navigate(path);
        assertThat(page.locator("main")).containsText(email);
        screenshot("portal-confirm-sign-in");
        page.click("[data-rapport=confirm-sign-in]");
        page.waitForURL("**/portal/tickets");
        page.click("button:has-text('Sign out')");
        page.navigate(path);
        page.waitForURL("**/portal/login");
        assertThat(page.locator(".alert.error")).isVisible();
    }

    @Test
    void aTicketLinkFromAMailLeadsToThatTicketAfterSigningIn() {
        String email = email();
        JsonNode ticket = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Linked from a mail",
                                "body",
                                "Where is my card?",
                                "customer",
                                Map.of("email", email)))
                .json();
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        page.navigate("/portal/tickets/" + number);
        page.waitForURL("**/portal/login");
        page.fill("input[name=email]", email);
        page.click("[data-rapport=send-link]");
        String link = TestMail.signInLink(email);
        page.navigate(link.substring(link.indexOf("/portal/auth")));
        page.click("[data-rapport=confirm-sign-in]");
        page.waitForURL("**/portal/tickets/" + number);
        assertThat(page.locator("h1")).containsText("#" + number + " Linked from a mail");
        // a mail sent before addresses carried numbers links to the id: it leads to the same request
        page.navigate("/portal/tickets/" + id);
        page.waitForURL("**/portal/tickets/" + number);
        assertThat(page.locator("h1")).containsText("Linked from a mail");
    }

    @Test
    void aLinkOpenedInAnotherBrowserSignsIn() {
        String email = email();
        page.navigate("/portal");
        page.fill("input[name=email]", email);
        page.click("[data-rapport=send-link]");
        String link = TestMail.signInLink(email);
        var phone = newContext();
        try {
            Page other = phone.newPage();
            other.navigate(link.substring(link.indexOf("/portal/auth")));
            other.click("[data-rapport=confirm-sign-in]");
            other.waitForURL("**/portal/tickets");
            assertThat(other.locator("[data-rapport=new-ticket]")).isVisible();
        } finally {
            phone.close();
        }
    }

    @Test
    void theLanguageCanBeChosenBeforeSigningIn() {
        page.navigate("/portal/login");
        page.selectOption("#lang", "de");
        // choosing alone changes nothing (WCAG 3.2.2): the button applies it
        assertThat(page.locator("h1")).not().hasText("Anmelden, um Ihre Anfragen zu sehen");
        page.click("[data-rapport=language-apply]");
        page.waitForURL("**/portal/login");
        assertThat(page.locator("h1")).hasText("Anmelden, um Ihre Anfragen zu sehen");
    }

    @Test
    void thePortalSpeaksTheCustomersLanguage() {
        String email = email();
        signInAsCustomer(page, email);
        page.selectOption("#lang", "de");
        page.click("[data-rapport=language-apply]");
        assertThat(page.locator("h1")).hasText("Ihre Anfragen");
        // the preference is stored: a new session in an English browser still gets German
        page.click("button:has-text('Abmelden')");
        signInAsCustomer(page, email);
        assertThat(page.locator("h1")).hasText("Ihre Anfragen");
        screenshot("portal-german");
    }
}
