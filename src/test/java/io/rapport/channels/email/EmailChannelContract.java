package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The email calls of CONTRACT.md and the intake behind them, against a real IMAP server (GreenMail): a mail to a
 * configured mailbox opens a ticket, a reply joins it with only its new text, an auto-reply becomes a note and sends
 * nothing, the same mail fetched twice is one message, and a broken mailbox shows its error without holding up the
 * others. Run on H2 and PostgreSQL.
 */
abstract class EmailChannelContract extends IntegrationTest {

    private static final String PASSWORD = "imap-password-1";

    /** A mailbox on GreenMail for a new address; returns its JSON. */
    private JsonNode newMailbox(String address, String imapPassword) {
        TestMail.server().setUser(address, address, PASSWORD);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Support " + address);
        body.put("address", address);
        body.put(
                "imap",
                Map.of(
                        "host",
                        "127.0.0.1",
                        "port",
                        TestMail.imapPort(),
                        "security",
                        "none",
                        "username",
                        address,
                        "password",
                        imapPassword));
        body.put("smtp", Map.of("host", "127.0.0.1", "port", TestMail.smtpPort(), "security", "none"));
        body.put("pollSeconds", 5);
        Api.Response created = admin().post("/api/v1/channels/email", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String mail(
            String from, String to, String messageId, String subject, String extraHeaders, String body) {
        return "From: Dana Customer <" + from + ">\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "Date: Sun, 29 Nov 2026 09:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + extraHeaders
                + "\r\n"
                + body
                + "\r\n";
    }

    private JsonNode awaitTicket(String customer, Predicate<JsonNode> until) {
        return Awaitility.await("a ticket of " + customer)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode list = admin().get("/api/v1/tickets?customerEmail=" + customer)
                                    .json();
                            if (list.get("total").asLong() == 0) {
                                return null;
                            }
                            return admin().get("/api/v1/tickets/"
                                            + list.get("items").get(0).get("id").asLong())
                                    .json();
                        },
                        t -> t != null && until.test(t));
    }

    @Test
    void aMailOpensATicketAndTheRepliesJoinIt() {
        String box = unique("support") + "@desk.test";
        JsonNode mailbox = newMailbox(box, PASSWORD);
        assertThat(mailbox.toString()).doesNotContain(PASSWORD);
        String customer = unique("dana") + "@customer.test";
        String first = unique("first") + "@customer.test";

        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box + ", Lee <lee@customer.test>",
                        first,
                        "My card was declined",
                        "Cc: Sam <sam@customer.test>\r\n",
                        "Hello, my card was declined at the shop today."));
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1);
        assertThat(ticket.get("channel").asString()).isEqualTo("email");
        assertThat(ticket.get("subject").asString()).isEqualTo("My card was declined");
        assertThat(ticket.get("messages").get(0).get("body").asString())
                .isEqualTo("Hello, my card was declined at the shop today.");

        // the customer answers the thread: only the new text shows, on the same ticket
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        unique("second") + "@customer.test",
                        "Re: My card was declined",
                        "In-Reply-To: <" + first + ">\r\nReferences: <" + first + ">\r\n",
                        "It happened again just now.\r\n\r\nOn Sun, 29 Nov 2026 at 09:00, Dana wrote:\r\n"
                                + "> Hello, my card was declined at the shop today."));
        ticket = awaitTicket(customer, t -> t.get("messages").size() == 2);
        assertThat(ticket.get("messages").get(1).get("body").asString()).isEqualTo("It happened again just now.");

        // the same mail again (a crash before it was flagged): still two messages
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        first,
                        "My card was declined",
                        "",
                        "Hello, my card was declined at the shop today."));
        // an out-of-office answer on the thread: a note, the ticket's status untouched
        String statusBefore = ticket.get("status").asString();
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        unique("ooo") + "@customer.test",
                        "Out of office: Re: My card was declined",
                        "Auto-Submitted: auto-replied\r\nIn-Reply-To: <" + first + ">\r\n",
                        "I am away until Monday."));
        ticket = awaitTicket(customer, t -> t.get("messages").size() == 3);
        JsonNode note = ticket.get("messages").get(2);
        assertThat(note.get("visibility").asString()).isEqualTo("internal");
        assertThat(note.get("author").get("type").asString()).isEqualTo("system");
        assertThat(note.get("body").asString()).contains("Automatic reply", "I am away until Monday.");
        assertThat(ticket.get("status").asString()).isEqualTo(statusBefore);
        assertThat(ticket.get("messages")).hasSize(3);

        JsonNode status = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/"
                                        + mailbox.get("id").asLong())
                                .json(),
                        s -> s.get("fetchedCount").asLong() >= 3);
        assertThat(status.get("lastPollAt").isNull()).isFalse();
        assertThat(status.get("lastError").isNull()).isTrue();
        assertThat(status.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void anAutoReplyWithoutAThreadIsSetAsideAndOpensNoTicket() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String robot = unique("robot") + "@elsewhere.test";
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        robot,
                        box,
                        unique("auto") + "@elsewhere.test",
                        "Automatic reply: hello",
                        "Auto-Submitted: auto-replied\r\n",
                        "I am away."));
        JsonNode kept = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/set-aside").json(),
                        k -> k.get("items").toString().contains(robot));
        assertThat(kept.get("items").toString()).contains("auto_reply");
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + robot)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aBrokenMailboxShowsItsErrorAndTheOthersGoOn() {
        String broken = unique("broken") + "@desk.test";
        JsonNode bad = newMailbox(broken, "wrong-password");
        String good = unique("support") + "@desk.test";
        newMailbox(good, PASSWORD);
        String customer = unique("kim") + "@customer.test";
        TestMail.deliver(good, PASSWORD, mail(customer, good, unique("m") + "@customer.test", "Hello", "", "Hi there"));
        awaitTicket(customer, t -> t.get("messages").size() == 1);
        JsonNode status = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/"
                                        + bad.get("id").asLong())
                                .json(),
                        s -> !s.get("lastError").isNull());
        assertThat(status.get("lastError").asString()).isNotBlank();
    }

    @Test
    void onlyAdminsConfigureMailboxesAndBadInputIsNamed() {
        JsonNode agent = newAgent("agent");
        Api asAgent = new Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.get("/api/v1/channels/email").status()).isEqualTo(403);
        Api.Response bad = admin().post(
                        "/api/v1/channels/email",
                        Map.of(
                                "name",
                                "x",
                                "address",
                                "not an address",
                                "imap",
                                Map.of("host", "127.0.0.1", "port", 143, "username", "u", "password", "p"),
                                "smtp",
                                Map.of("host", "127.0.0.1", "port", 25)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("address");
        assertThat(admin().get("/api/v1/channels/email/999999").status()).isEqualTo(404);
    }
}
