package io.rapport.channels.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import io.rapport.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A mail round trip as the agent sees it: a customer's mail becomes a ticket that shows as mail (from, to, cc, the
 * original), the agent answers in the browser, the customer gets the answer by mail, threaded, answers it, and the
 * answer appears on the open page, on the same ticket.
 */
@H2Database
class EmailBrowserTests extends BrowserTest {

    private static final String PASSWORD = "imap-password-1";

    @Test
    void aMailRoundTripsIntoAThreadedConversation() {
        String box = unique("help") + "@desk.test";
        TestMail.server().setUser(box, box, PASSWORD);
        assertThat(admin().post(
                                "/api/v1/channels/email",
                                Map.of(
                                        "name",
                                        "Help desk",
                                        "address",
                                        box,
                                        "imap",
                                        Map.of(
                                                "host",
                                                "127.0.0.1",
                                                "port",
                                                TestMail.imapPort(),
                                                "security",
                                                "none",
                                                "username",
                                                box,
                                                "password",
                                                PASSWORD),
                                        "smtp",
                                        Map.of(
                                                "host", "127.0.0.1",
                                                "port", TestMail.smtpPort(),
                                                "security", "none"),
                                        "pollSeconds",
                                        5))
                        .status())
                .isEqualTo(201);
        String customer = unique("mira") + "@customers.rapport.dev";
        String first = unique("m") + "@customers.rapport.dev";
        TestMail.deliver(
                box,
                PASSWORD,
                "From: Mira Weiß <" + customer + ">\r\nTo: Help desk <" + box + ">\r\n"
                        + "Cc: Jonas <jonas@customers.rapport.dev>\r\nSubject: Überweisung fehlt\r\n"
                        + "Message-ID: <" + first + ">\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/alternative; boundary=x\r\n\r\n"
                        + "--x\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + "Meine Überweisung vom Montag ist nicht angekommen.\r\n"
                        + "--x\r\nContent-Type: multipart/related; boundary=r\r\n\r\n"
                        + "--r\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + "<p>Meine <b>Überweisung</b> vom Montag ist nicht angekommen.</p>"
                        + "<p><img src=\"cid:beleg@mira\" alt=\"Beleg\"></p>"
                        + "<script>alert(1)</script>\r\n"
                        + "--r\r\nContent-Type: image/png\r\nContent-ID: <beleg@mira>\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + receipt() + "\r\n--r--\r\n--x--\r\n");
        JsonNode ticket = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/tickets?customerEmail=" + customer)
                                .json(),
                        list -> list.get("total").asLong() == 1)
                .get("items")
                .get(0);
        long number = ticket.get("number").asLong();

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        Locator mail = page.locator("[data-rapport=message]").first();
        assertThat(mail.locator(".envelope")).containsText("Mira Weiß <" + customer + ">");
        assertThat(mail.locator(".envelope")).containsText("jonas@customers.rapport.dev");
        assertThat(mail.locator("b")).hasText("Überweisung");
        assertThat(mail.locator("script")).hasCount(0);
        // the picture inside the mail is shown in place, loaded from this server
        Locator picture = mail.locator("img[alt=Beleg]");
        assertThat(picture).isVisible();
        assertThat(picture)
                .hasAttribute("src", java.util.regex.Pattern.compile("^/tickets/" + number + "/attachments/\\d+$"));
        org.assertj.core.api.Assertions.assertThat((Integer) picture.evaluate("i => i.naturalWidth"))
                .isEqualTo(240);

        Page original =
                context.waitForPage(() -> mail.getByText("Show the original").click());
        assertThat(original.locator("body")).containsText("Message-ID: <" + first + ">");
        original.close();

        page.fill("[data-rapport=reply-body]", "Wir haben die Überweisung gefunden: sie kommt morgen an.");
        page.click("[data-rapport=reply-send]");
        MimeMessage reply = TestMail.waitFor(customer, m -> TestMail.subject(m).startsWith("Re: [#" + number + "]"));
        String replyId;
        try {
            assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<" + first + ">");
            replyId = reply.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        page.reload();
        assertThat(page.locator("[data-rapport=message][data-author=agent] .delivery"))
                .hasText("Mailed");

        TestMail.deliver(
                box,
                PASSWORD,
                "From: Mira Weiß <" + customer + ">\r\nTo: " + box + "\r\nSubject: Re: [#" + number
                        + "] Überweisung fehlt\r\nMessage-ID: <" + unique("a") + "@customers.rapport.dev>\r\n"
                        + "In-Reply-To: " + replyId + "\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + "Danke, dann warte ich bis morgen.\r\n\r\nVon meinem iPhone gesendet\r\n\r\n"
                        + "> Wir haben die Überweisung gefunden: sie kommt morgen an.\r\n");
        Locator fromCustomer = page.locator("[data-rapport=message][data-author=customer]");
        assertThat(fromCustomer)
                .hasCount(
                        2,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(fromCustomer.last()).containsText("Danke, dann warte ich bis morgen.");
        assertThat(fromCustomer.last()).not().containsText("iPhone");
        screenshot("agent-ticket-mail");
    }

    @Test
    void anAdminAddsAMailboxAndSeesWhyItFails() {
        String box = unique("desk") + "@desk.test";
        TestMail.server().setUser(box, box, PASSWORD);
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/mailboxes");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Billing desk");
        page.getByLabel("Address").fill(box);
        Locator imap = page.locator("fieldset").nth(0);
        imap.getByLabel("Server").fill("127.0.0.1");
        imap.getByLabel("Port").fill(String.valueOf(TestMail.imapPort()));
        imap.getByLabel("Security").selectOption("none");
        imap.getByLabel("User name").fill(box);
        imap.getByLabel("Password").fill("wrong password");
        Locator smtp = page.locator("fieldset").nth(1);
        smtp.getByLabel("Server").fill("127.0.0.1");
        // the browser refuses a port of 0 itself; the server must too
        page.evaluate("document.getElementById('mb-smtp-port').removeAttribute('min')");
        smtp.getByLabel("Port").fill("0");
        smtp.getByLabel("Security").selectOption("none");
        page.getByLabel("Fetch every (seconds)").fill("5");
        page.getByText("Add a mailbox", new Page.GetByTextOptions().setExact(true))
                .last()
                .click();
        // a port of 0 is named, and what was typed comes back (never the password)
        assertThat(page.locator(".alert.error")).containsText("SMTP port");
        assertThat(page.getByLabel("Address")).hasValue(box);
        assertThat(page.locator("fieldset").nth(0).getByLabel("Password")).hasValue("");

        page.locator("fieldset").nth(0).getByLabel("Password").fill("wrong password");
        page.locator("fieldset").nth(1).getByLabel("Port").fill(String.valueOf(TestMail.smtpPort()));
        page.getByText("Add a mailbox", new Page.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(page.locator("[role=status]")).containsText("Mailbox added");
        Locator row = page.locator("[data-rapport=mailboxes] tr", new Page.LocatorOptions().setHasText(box));
        assertThat(row).hasCount(1);
        // the wrong password shows on the mailbox within a fetch or two
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return row.textContent().contains("Failing");
                });
        screenshot("admin-mailboxes");

        // two admins open the mailbox; the first fixes the password, the second's older page is told, not obeyed
        row.getByRole(AriaRole.LINK).click();
        Page other = newContext().newPage();
        signInAsAgent(other, ADMIN_EMAIL, ADMIN_PASSWORD);
        other.navigate(page.url());
        page.locator("fieldset").nth(0).getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        assertThat(page.locator("fieldset").nth(0).getByLabel("Password")).hasValue("");

        other.getByLabel("Fetch every (seconds)").fill("60");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(other.locator(".alert.error")).containsText("Someone else changed " + box);
        assertThat(other.getByLabel("Fetch every (seconds)")).hasValue("60");
        other.context().close();

        // with the right password the mailbox works again: the page says so, the other admin's change was not saved
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator("main").textContent().contains("last fetch");
                });
        assertThat(page.getByLabel("Fetch every (seconds)")).hasValue("5");
        screenshot("admin-mailbox");

        // deactivated, it says so on the list; removed, it is gone (no mail has passed through it)
        page.getByLabel("Fetch mail from this mailbox").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        page.navigate("/admin/mailboxes");
        assertThat(row).containsText("Inactive");
        row.getByRole(AriaRole.LINK).click();
        page.getByLabel("Yes, remove " + box).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove this mailbox"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Mailbox " + box + " removed");
        assertThat(row).hasCount(0);
    }

    /** A small picture of a bank receipt, as a phone would attach it: PNG, base64. */
    private static String receipt() {
        var image = new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0xf4f1e8));
        g.fillRect(0, 0, 240, 80);
        g.setColor(new java.awt.Color(0x2b4c7e));
        g.fillRect(12, 14, 150, 10);
        g.fillRect(12, 34, 200, 8);
        g.fillRect(12, 52, 90, 8);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getMimeEncoder().encodeToString(out.toByteArray());
    }
}
