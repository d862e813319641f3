package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import io.rapport.support.WebSession;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    @org.springframework.beans.factory.annotation.Autowired
    Inbox inbox;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    private static final String PASSWORD = "imap-password-1";

    /** A mailbox on GreenMail for a new address; returns its JSON. */
    private JsonNode newMailbox(String address, String imapPassword) {
        return newMailbox(address, imapPassword, TestMail.smtpPort());
    }

    private JsonNode newMailbox(String address, String imapPassword, int smtpPort) {
        TestMail.server().setUser(address, address, PASSWORD);
        Api.Response created = admin().post(
                        "/api/v1/channels/email",
                        mailboxSettings(address, imapPassword, TestMail.imapPort(), smtpPort, "none"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** A mailbox on 127.0.0.1 as the API takes it. */
    private static Map<String, Object> mailboxSettings(
            String address, String imapPassword, int imapPort, int smtpPort, String security) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Support " + address);
        body.put("address", address);
        body.put(
                "imap",
                Map.of(
                        "host", "127.0.0.1",
                        "port", imapPort,
                        "security", security,
                        "username", address,
                        "password", imapPassword));
        body.put("smtp", Map.of("host", "127.0.0.1", "port", smtpPort, "security", security));
        body.put("pollSeconds", 5);
        return body;
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
        return awaitTicket(customer, until, Duration.ofSeconds(30));
    }

    /** As above, for mail that takes a while: tens of megabytes, thousands of parts, on a busy machine. */
    private JsonNode awaitTicket(String customer, Predicate<JsonNode> until, Duration atMost) {
        return Awaitility.await("a ticket of " + customer)
                .atMost(atMost)
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
        String customer = unique("dana") + "@customers.rapport.dev";
        String first = unique("first") + "@customers.rapport.dev";

        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box + ", Lee <lee@customers.rapport.dev>",
                        first,
                        "My card was declined",
                        "Cc: Sam <sam@customers.rapport.dev>\r\n",
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
                        unique("second") + "@customers.rapport.dev",
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
                        unique("ooo") + "@customers.rapport.dev",
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

    /**
     * An answer to a ticket closed a moment ago opens a follow-up for the same people; a team deactivated meanwhile is
     * left out, and the customer's mail is not lost over it.
     */
    @Test
    void anAnswerToAClosedTicketOpensAFollowUpEvenWhenItsTeamWasDeactivated() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String customer = unique("fiona") + "@customers.rapport.dev";
        String first = unique("first") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(customer, box, first, "Refund missing", "", "Where is my refund?"));
        long closed = awaitTicket(customer, t -> t.get("messages").size() == 1)
                .get("id")
                .asLong();
        long team = admin().post("/api/v1/teams", Map.of("name", unique("Refunds")))
                .json()
                .get("id")
                .asLong();
        assertThat(admin().patch("/api/v1/tickets/" + closed, Map.of("teamId", team, "status", "solved"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/tickets/" + closed, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/teams/" + team, Map.of("active", false))
                        .status())
                .isEqualTo(200);

        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        unique("again") + "@customers.rapport.dev",
                        "Re: Refund missing",
                        "In-Reply-To: <" + first + ">\r\nReferences: <" + first + ">\r\n",
                        "Still nothing on my account."));
        JsonNode followUp = Awaitility.await("the follow-up ticket")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> admin().get("/api/v1/tickets?customerEmail=" + customer)
                                .json()
                                .get("items"),
                        items -> items.size() == 2);
        long opened = followUp.valueStream()
                .mapToLong(t -> t.get("id").asLong())
                .filter(id -> id != closed)
                .findFirst()
                .orElseThrow();
        JsonNode ticket = admin().get("/api/v1/tickets/" + opened).json();
        assertThat(ticket.get("teamId").isNull())
                .as("the inactive team takes no new ticket")
                .isTrue();
        assertThat(ticket.get("messages").toString())
                .contains("Still nothing on my account.")
                .contains("Follow-up of #");
    }

    @Test
    void aMailStoredBeforeACrashIsAppliedOnceAndItsSecondFetchAddsNothing() throws Exception {
        String box = unique("support") + "@desk.test";
        long mailboxId = newMailbox(box, PASSWORD).get("id").asLong();
        String customer = unique("crash") + "@customers.rapport.dev";
        String id = unique("crash") + "@customers.rapport.dev";
        String raw = mail(customer, box, id, "Stored before the crash", "", "Please help.");
        // the last run stored the mail, then stopped before applying it and before flagging it on the server
        assertThat(inbox.store(
                        mailboxId,
                        id,
                        raw.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        customer,
                        "Stored before the crash",
                        java.time.Instant.now()))
                .isTrue();
        TestMail.deliver(box, PASSWORD, raw);
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1);

        var folder = TestMail.server()
                .getManagers()
                .getImapHostManager()
                .getInbox(TestMail.server().getUserManager().getUser(box));
        Awaitility.await("the mail flagged on the server")
                .atMost(Duration.ofSeconds(30))
                .until(() -> folder.getMessages().stream().allMatch(m -> m.isSet(jakarta.mail.Flags.Flag.SEEN)));
        // one more fetch after it: the run that flagged it has stored and applied whatever it was going to
        java.time.Instant seen = java.time.Instant.now();
        JsonNode status = Awaitility.await("the next fetch")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/" + mailboxId).json(),
                        s -> !s.get("lastPollAt").isNull()
                                && java.time.Instant.parse(s.get("lastPollAt").asString())
                                        .isAfter(seen));
        assertThat(status.get("fetchedCount").asLong()).isZero(); // the second fetch stored nothing
        assertThat(admin().get("/api/v1/tickets/" + ticket.get("id").asLong())
                        .json()
                        .get("messages"))
                .hasSize(1);
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + customer)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aServerThatPushesNewsBringsMailAtOnceNotAtTheNextPoll() {
        String box = unique("support") + "@desk.test";
        TestMail.server().setUser(box, box, PASSWORD);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Idle " + box);
        body.put("address", box);
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
                        box,
                        "password",
                        PASSWORD));
        body.put("smtp", Map.of("host", "127.0.0.1", "port", TestMail.smtpPort(), "security", "none"));
        body.put("pollSeconds", 3600); // the next poll is an hour away
        long id = admin().post("/api/v1/channels/email", body).json().get("id").asLong();
        Awaitility.await("the first fetch, which finds that the server has IDLE")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/" + id).json(),
                        s -> s.get("idle").asBoolean());
        String customer = unique("idle") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(customer, box, unique("i") + "@customers.rapport.dev", "Quick", "", "Hi"));
        java.util.concurrent.Callable<Boolean> arrived = () -> admin().get("/api/v1/tickets?customerEmail=" + customer)
                        .json()
                        .get("total")
                        .asLong()
                == 1;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(8)).until(arrived);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // it came in the moment between a fetch and the start of the wait: the next mail's news brings both
            TestMail.deliver(
                    box,
                    PASSWORD,
                    mail(
                            unique("other") + "@customers.rapport.dev",
                            box,
                            unique("n") + "@customers.rapport.dev",
                            "Two",
                            "",
                            "x"));
        }
        Awaitility.await("the mail, long before the next poll")
                .atMost(Duration.ofSeconds(20))
                .until(arrived);
    }

    @Test
    void anInlineImageShowsInsideTheBodyAndARemoteImageNever() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String customer = unique("ines") + "@customers.rapport.dev";
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
        TestMail.deliver(
                box,
                PASSWORD,
                "From: Ines <" + customer + ">\r\n"
                        + "To: " + box + "\r\n"
                        + "Subject: The error on screen\r\n"
                        + "Message-ID: <" + unique("img") + "@customers.rapport.dev>\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                        + "--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                        + "<p>This is what I see:</p><p><img src=\"cid:shot.1@phone\" alt=\"screenshot\">"
                        + "<img src=\"https://tracker.example/open.gif\"></p>\r\n"
                        + "--rel\r\nContent-Type: image/png; name=\"shot.png\"\r\n"
                        + "Content-ID: <shot.1@phone>\r\nContent-Disposition: inline\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + png + "\r\n--rel--\r\n");
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1);
        JsonNode message = ticket.get("messages").get(0);
        // the API keeps the mail's own reference, and the file says which reference it answers
        assertThat(message.get("bodyHtml").asString())
                .contains("cid:shot.1@phone")
                .doesNotContain("tracker");
        JsonNode file = message.get("attachments").get(0);
        assertThat(file.get("contentId").asString()).isEqualTo("shot.1@phone");
        long fileId = file.get("id").asLong();
        long number = ticket.get("number").asLong();

        // the agent's page shows the picture from this server, not as a file to download
        WebSession web = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        String page = web.get("/tickets/" + number).body();
        String image = "/tickets/" + number + "/attachments/" + fileId;
        assertThat(page).contains("src=\"" + image + "\"").doesNotContain("cid:", "tracker.example");
        var served = web.get(image);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        // and so does the customer's
        WebSession portal = WebSession.customer(port, customer);
        String own = portal.get("/portal/tickets/" + number).body();
        assertThat(own).contains("src=\"/portal/attachments/" + fileId + "\"").doesNotContain("tracker.example");
        assertThat(portal.get("/portal/attachments/" + fileId).statusCode()).isEqualTo(200);
    }

    @Test
    void hugeMailIsStoredOrSetAsideAndTheMailboxGoesOn() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        // 20 MB of attachment: fetched and kept whole, the file over the desk's limit (1 MB in tests) named in the text
        String customer = unique("big") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, withAttachment(customer, box, "Scans attached", "scans.pdf", 20));
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1, Duration.ofSeconds(120));
        JsonNode message = ticket.get("messages").get(0);
        assertThat(message.get("body").asString())
                .startsWith("Here are the scans.")
                .contains("scans.pdf: larger than the attachment limit");
        assertThat(message.get("attachments")).isEmpty();
        var original = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD)
                .get(message.get("envelope").get("originalUrl").asString());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body().length()).isGreaterThan(20 * 1024 * 1024);

        // beyond the fetch limit (30 MB in tests): kept by its headers and set aside, and the next mail still comes in
        String bigger = unique("bigger") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, withAttachment(bigger, box, "Even more scans", "all.pdf", 24));
        String after = unique("after") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(after, box, unique("m") + "@customers.rapport.dev", "Small one", "", "Hello"));
        awaitTicket(after, t -> t.get("messages").size() == 1, Duration.ofSeconds(120));
        JsonNode kept = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/set-aside").json(),
                        k -> k.get("items").toString().contains(bigger));
        assertThat(kept.get("items").toString()).contains("too_large", "Even more scans");
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + bigger)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    /** A mail with a text and a file of {@code megabytes} MB, base64 in lines of 76 as mailers send it. */
    private static String withAttachment(String from, String to, String subject, String filename, int megabytes) {
        byte[] file = new byte[megabytes * 1024 * 1024];
        new java.util.Random(megabytes).nextBytes(file);
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + unique("huge") + "@customers.rapport.dev>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHere are the scans.\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=" + filename
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(file) + "\r\n--b--\r\n";
    }

    @Test
    void aSenderInALoopIsStoppedAndOthersAreNot() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        // a robot that answers every mail with a new one, without the headers that would say so: 25 in a row
        String robot = unique("robot") + "@elsewhere.rapport.dev";
        for (int i = 0; i < 25; i++) {
            TestMail.deliver(
                    box,
                    PASSWORD,
                    mail(robot, box, unique("r" + i) + "@elsewhere.rapport.dev", "Ticket update " + i, "", "Update"));
        }
        String customer = unique("real") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(customer, box, unique("c") + "@customers.rapport.dev", "Real question", "", "Hi"));
        awaitTicket(customer, t -> t.get("messages").size() == 1);
        JsonNode kept = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/set-aside").json(),
                        k -> k.get("items").toString().contains(robot));
        long loops = 0;
        for (JsonNode item : kept.get("items")) {
            if (item.toString().contains(robot)) {
                assertThat(item.get("reason").asString()).isEqualTo("loop");
                loops++;
            }
        }
        // the limit is 20 mails in 10 minutes: whatever came past it is set aside, and nothing is sent back to it
        assertThat(loops).isGreaterThanOrEqualTo(5);
        long tickets = admin().get("/api/v1/tickets?customerEmail=" + robot)
                .json()
                .get("total")
                .asLong();
        assertThat(tickets).isLessThanOrEqualTo(20).isEqualTo(25 - loops);
    }

    /** After an agent merges a mail ticket into another, the customer's answer to the first thread joins the second. */
    @Test
    void anAnswerToAMergedTicketsThreadJoinsTheTicketItWentTo() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String customer = unique("merged") + "@customers.rapport.dev";
        String first = unique("m1") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(customer, box, first, "Card blocked", "", "My card is blocked."));
        long from = awaitTicket(customer, t -> t.get("messages").size() == 1)
                .get("id")
                .asLong();
        TestMail.deliver(
                box,
                PASSWORD,
                mail(customer, box, unique("m2") + "@customers.rapport.dev", "Still blocked", "", "Still blocked!"));
        long into = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/tickets?customerEmail=" + customer)
                                .json()
                                .get("items")
                                .valueStream()
                                .map(t -> t.get("id").asLong())
                                .filter(id -> id != from)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(admin().post("/api/v1/tickets/" + from + "/merge", Map.of("intoId", into))
                        .status())
                .isEqualTo(200);

        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        unique("m3") + "@customers.rapport.dev",
                        "Re: Card blocked",
                        "In-Reply-To: <" + first + ">\r\n",
                        "Any news?"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> admin().get("/api/v1/tickets/" + into)
                        .json()
                        .get("messages")
                        .valueStream()
                        .anyMatch(m -> m.get("body").asString().equals("Any news?")));
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + customer)
                        .json()
                        .get("total")
                        .asLong())
                .as("no new ticket for the answer")
                .isEqualTo(2);
    }

    @Test
    void aMailSomeoneReadElsewhereFirstStillComesIn() throws Exception {
        String box = unique("support") + "@desk.test";
        JsonNode mailbox = newMailbox(box, PASSWORD);
        String path = "/api/v1/channels/email/" + mailbox.get("id").asLong();
        // an old mail, read before the desk was set up: the first fetch starts after it
        String old = unique("old") + "@customers.rapport.dev";
        appendRead(box, mail(old, box, unique("o") + "@customers.rapport.dev", "Last year", "", "Old news"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !admin().get(path).json().get("lastPollAt").isNull());
        // the desk is paused; meanwhile a colleague opens the mailbox in a mail program and reads a new mail
        admin().patch(path, Map.of("active", false));
        Thread.sleep(2500); // the listener waiting on the server's news stops at the next check
        String customer = unique("read") + "@customers.rapport.dev";
        appendRead(box, mail(customer, box, unique("r") + "@customers.rapport.dev", "Read elsewhere", "", "Help"));
        admin().patch(path, Map.of("active", true));
        // it is new to the desk, read or not
        awaitTicket(customer, t -> t.get("messages").size() == 1);
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + old)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void theFirstFetchTakesTheUnreadMailBetweenReadMailAndThenWhateverComes() throws Exception {
        String box = unique("support") + "@desk.test";
        TestMail.server().setUser(box, box, PASSWORD);
        // before the desk knows the mailbox: read mail around two unread ones
        String[] senders = new String[5];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = unique("first" + i) + "@customers.rapport.dev";
            String raw = mail(senders[i], box, unique("f") + "@customers.rapport.dev", "Before " + i, "", "Mail " + i);
            append(box, raw, i % 2 == 0);
        }
        Api.Response created = admin().post(
                        "/api/v1/channels/email",
                        mailboxSettings(box, PASSWORD, TestMail.imapPort(), TestMail.smtpPort(), "none"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        awaitTicket(senders[1], t -> t.get("messages").size() == 1);
        awaitTicket(senders[3], t -> t.get("messages").size() == 1);
        // after the first fetch, mail comes in whatever its flags
        String later = unique("later") + "@customers.rapport.dev";
        append(box, mail(later, box, unique("l") + "@customers.rapport.dev", "After", "", "Later"), true);
        awaitTicket(later, t -> t.get("messages").size() == 1);
        for (int i = 0; i < senders.length; i += 2) {
            assertThat(admin().get("/api/v1/tickets?customerEmail=" + senders[i])
                            .json()
                            .get("total")
                            .asLong())
                    .as("read before the desk knew the mailbox: " + i)
                    .isZero();
        }
    }

    /** Puts a mail into the mailbox already flagged as read, as a mail program does when someone reads it there. */
    private static void appendRead(String box, String raw) throws Exception {
        append(box, raw, true);
    }

    private static void append(String box, String raw, boolean read) throws Exception {
        var session = jakarta.mail.Session.getInstance(new java.util.Properties());
        var store = session.getStore("imap");
        store.connect("127.0.0.1", TestMail.imapPort(), box, PASSWORD);
        try {
            var folder = store.getFolder("INBOX");
            folder.open(jakarta.mail.Folder.READ_WRITE);
            MimeMessage message = new MimeMessage(
                    session, new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            message.setFlag(jakarta.mail.Flags.Flag.SEEN, read);
            folder.appendMessages(new jakarta.mail.Message[] {message});
            folder.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void hostileMailIsKeptOrReadAndNeverStopsTheMailbox() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        // a header bomb: kept with its source, shown to admins as unreadable
        String bomber = unique("bomb") + "@elsewhere.rapport.dev";
        StringBuilder bomb = new StringBuilder("From: " + bomber + "\r\nTo: " + box + "\r\nSubject: bomb\r\n"
                + "Message-ID: <" + unique("bomb") + "@elsewhere.rapport.dev>\r\n");
        for (int i = 0; i < 5_000; i++) {
            bomb.append("X-Filler-")
                    .append(i)
                    .append(": ")
                    .append("x".repeat(50))
                    .append("\r\n");
        }
        TestMail.deliver(box, PASSWORD, bomb.append("\r\nbody\r\n").toString());
        // 2,000 parts: a ticket with every file
        String parts = unique("parts") + "@customers.rapport.dev";
        StringBuilder many = new StringBuilder(
                "From: " + parts + "\r\nTo: " + box + "\r\nSubject: parts\r\n"
                        + "Message-ID: <" + unique("parts") + "@customers.rapport.dev>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nthe text\r\n");
        for (int i = 0; i < 2_000; i++) {
            many.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;"
                            + " filename=\"f")
                    .append(i)
                    .append(".bin\"\r\n\r\nx\r\n");
        }
        TestMail.deliver(box, PASSWORD, many.append("--b--\r\n").toString());
        // bytes that are not UTF-8 in a part that says it is: read, the rest kept
        String broken = unique("utf") + "@customers.rapport.dev";
        byte[] head = ("From: " + broken + "\r\nTo: " + box + "\r\nSubject: broken\r\nMessage-ID: <" + unique("utf")
                        + "@customers.rapport.dev>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = {'o', 'k', ' ', (byte) 0xc3, (byte) 0x28, ' ', 'e', 'n', 'd', '\r', '\n'};
        byte[] raw = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        TestMail.deliver(box, PASSWORD, raw);
        // and an ordinary mail after them all still comes in
        String after = unique("after") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(after, box, unique("m") + "@customers.rapport.dev", "Hello", "", "Hi"));

        awaitTicket(after, t -> t.get("messages").size() == 1, Duration.ofSeconds(120));
        JsonNode withParts = awaitTicket(parts, t -> t.get("messages").size() == 1);
        assertThat(withParts.get("messages").get(0).get("attachments")).hasSize(2_000);
        assertThat(awaitTicket(broken, t -> t.get("messages").size() == 1)
                        .get("messages")
                        .get(0)
                        .get("body")
                        .asString())
                .startsWith("ok ")
                .endsWith(" end");
        JsonNode kept = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin().get("/api/v1/channels/email/set-aside").json(),
                        k -> k.get("items").toString().contains(bomber));
        for (JsonNode item : kept.get("items")) {
            if (item.toString().contains(bomber)) {
                assertThat(item.get("state").asString()).isEqualTo("failed");
                assertThat(item.get("error").asString()).contains("header");
            }
        }
    }

    @Test
    void overTlsACertificateTheDeskCannotCheckIsRefusedUntilTheAdminAcceptsIt() throws Exception {
        // a mail server of one's own over TLS (IMAPS and SMTPS), with a self-signed certificate
        GreenMail tls = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
        });
        tls.start();
        try {
            String box = unique("secure") + "@desk.test";
            var user = tls.setUser(box, box, PASSWORD);
            JsonNode mailbox = admin().post(
                            "/api/v1/channels/email",
                            mailboxSettings(
                                    box,
                                    PASSWORD,
                                    tls.getImaps().getPort(),
                                    tls.getSmtps().getPort(),
                                    "ssl"))
                    .json();
            assertThat(mailbox.get("imap").get("verifyCertificate").asBoolean()).isTrue();
            String path = "/api/v1/channels/email/" + mailbox.get("id").asLong();
            // checked by default: the certificate is refused, and the mailbox says why
            // (GreenMail's side of a refused handshake ends in an exception on its thread: not the test's failure)
            JsonNode failing = Awaitility.await()
                    .dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> admin().get(path).json(),
                            m -> !m.get("lastError").isNull());
            assertThat(failing.get("lastError").asString().toLowerCase(java.util.Locale.ROOT))
                    .containsAnyOf("certif", "pkix", "ssl", "handshake");

            // the admin accepts the server's own certificate: mail comes in, and the reply goes out, both over TLS
            Api.Response accepted = admin().patch(
                            path,
                            Map.of(
                                    "imap", Map.of("verifyCertificate", false),
                                    "smtp", Map.of("verifyCertificate", false)));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            String customer = unique("tls") + "@customers.rapport.dev";
            user.deliver(new MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(
                            mail(customer, box, unique("t") + "@customers.rapport.dev", "Over TLS", "", "Hello")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            Awaitility.await("the ticket")
                    .dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> admin().get("/api/v1/tickets?customerEmail=" + customer)
                                    .json()
                                    .get("total")
                                    .asLong()
                            == 1);
            Awaitility.await("the reply over SMTPS")
                    .dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> java.util.Arrays.stream(tls.getReceivedMessages())
                            .anyMatch(m -> {
                                try {
                                    return m.getAllRecipients()[0].toString().contains(customer);
                                } catch (jakarta.mail.MessagingException e) {
                                    return false;
                                }
                            }));
            Awaitility.await()
                    .dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> admin().get(path).json().get("lastError").isNull());
        } finally {
            tls.stop();
        }
    }

    @Test
    void oddButHarmlessMailStillOpensTickets() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        // subjects a ticket would refuse as they are: none at all, and far too long
        String blank = unique("blank") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(blank, box, unique("s") + "@customers.rapport.dev", " ", "", "1"));
        String wordy = unique("wordy") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(wordy, box, unique("w") + "@customers.rapport.dev", "long ".repeat(100), "", "2"));
        // a sender's name of 300 characters, and a Message-ID of 600
        String named = unique("named") + "@customers.rapport.dev";
        TestMail.deliver(
                box,
                PASSWORD,
                mail(named, box, unique("n") + "@customers.rapport.dev", "Name", "", "3")
                        .replace("From: Dana Customer <", "From: " + "N".repeat(300) + " <"));
        String longId = unique("id") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(longId, box, "x".repeat(600) + "@customers.rapport.dev", "Long id", "", "4"));

        assertThat(awaitTicket(blank, t -> true).get("subject").asString()).isEqualTo("(no subject)");
        assertThat(awaitTicket(wordy, t -> true).get("subject").asString())
                .hasSize(250)
                .endsWith("…");
        assertThat(awaitTicket(named, t -> true).get("customer").get("name").asString())
                .hasSize(200);
        assertThat(awaitTicket(longId, t -> t.get("messages").size() == 1)
                        .get("subject")
                        .asString())
                .isEqualTo("Long id");
        assertThat(admin().get("/api/v1/channels/email/set-aside")
                        .json()
                        .get("items")
                        .toString())
                .doesNotContain(blank, wordy, named, longId);
    }

    @Test
    void aMailThatCannotBeAppliedIsKeptAndTheMailsAroundItGoIn() {
        // the database refuses one ticket (as a full disk or a broken constraint would), nothing else
        db.sql("ALTER TABLE tkt_ticket ADD CONSTRAINT test_refused CHECK (subject <> 'Refused by the database')")
                .update();
        try {
            String box = unique("support") + "@desk.test";
            newMailbox(box, PASSWORD);
            String before = unique("before") + "@customers.rapport.dev";
            String refused = unique("refused") + "@customers.rapport.dev";
            String after = unique("after") + "@customers.rapport.dev";
            TestMail.deliver(
                    box, PASSWORD, mail(before, box, unique("b") + "@customers.rapport.dev", "First", "", "1"));
            TestMail.deliver(
                    box,
                    PASSWORD,
                    mail(refused, box, unique("r") + "@customers.rapport.dev", "Refused by the database", "", "2"));
            TestMail.deliver(box, PASSWORD, mail(after, box, unique("a") + "@customers.rapport.dev", "Last", "", "3"));
            awaitTicket(before, t -> t.get("messages").size() == 1);
            awaitTicket(after, t -> t.get("messages").size() == 1);
            JsonNode kept = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> admin().get("/api/v1/channels/email/set-aside")
                                    .json(),
                            k -> k.get("items").toString().contains(refused));
            for (JsonNode item : kept.get("items")) {
                if (item.toString().contains(refused)) {
                    assertThat(item.get("state").asString()).isEqualTo("failed");
                    assertThat(item.get("error").asString()).startsWith("could not be applied");
                }
            }
            assertThat(admin().get("/api/v1/tickets?customerEmail=" + refused)
                            .json()
                            .get("total")
                            .asLong())
                    .isZero();
        } finally {
            db.sql("ALTER TABLE tkt_ticket DROP CONSTRAINT test_refused").update();
        }
    }

    @Test
    void anAutoReplyWithoutAThreadIsSetAsideAndOpensNoTicket() {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String robot = unique("robot") + "@elsewhere.rapport.dev";
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        robot,
                        box,
                        unique("auto") + "@elsewhere.rapport.dev",
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
        String customer = unique("kim") + "@customers.rapport.dev";
        TestMail.deliver(
                good, PASSWORD, mail(customer, good, unique("m") + "@customers.rapport.dev", "Hello", "", "Hi there"));
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
    void anAdminFixesDeactivatesAndRemovesAMailbox() throws Exception {
        String box = unique("support") + "@desk.test";
        JsonNode mailbox = newMailbox(box, "wrong-password");
        String path = "/api/v1/channels/email/" + mailbox.get("id").asLong();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> admin().get(path).json(), s -> !s.get("lastError").isNull());

        // the right password: mail comes in, the error goes, and no answer ever shows a password
        Api.Response fixed = admin().patch(path, Map.of("imap", Map.of("password", PASSWORD)));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.body()).doesNotContain(PASSWORD);
        assertThat(fixed.json().get("imap").get("host").asString()).isEqualTo("127.0.0.1");
        String customer = unique("ola") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(customer, box, unique("m") + "@customers.rapport.dev", "Hello", "", "First"));
        awaitTicket(customer, t -> t.get("messages").size() == 1);
        // (the mail may be a ticket a moment before the fetch that brought it has recorded how it went)
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> admin().get(path).json().get("lastError").isNull());

        // deactivated: nothing more is fetched, not even by the listener waiting on the server's news
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> admin().get(path).json().get("idle").asBoolean());
        Thread.sleep(2500); // the next check (every second in tests) starts the listener
        Api.Response off = admin().patch(path, Map.of("active", false, "smtp", Map.of("username", "")));
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(off.json().get("smtp").get("username").isNull()).isTrue();
        Thread.sleep(2500); // the listener notices at the next check (every second in tests)
        String later = unique("later") + "@customers.rapport.dev";
        TestMail.deliver(box, PASSWORD, mail(later, box, unique("m") + "@customers.rapport.dev", "Later", "", "Hi"));
        Thread.sleep(4000);
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + later)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(admin().patch(path, Map.of("active", true)).status()).isEqualTo(200);
        awaitTicket(later, t -> t.get("messages").size() == 1);

        // bad changes are named and change nothing
        assertThat(admin().patch(path, Map.of("pollSeconds", 1)).status()).isEqualTo(400);
        Api.Response blank = admin().patch(path, Map.of("imap", Map.of("host", " ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("imap.host");
        String taken = unique("taken") + "@desk.test";
        newMailbox(taken, PASSWORD);
        assertThat(admin().patch(path, Map.of("address", taken)).status()).isEqualTo(409);
        assertThat(admin().get(path).json().get("address").asString()).isEqualTo(box);
        assertThat(admin().patch("/api/v1/channels/email/999999", Map.of("active", false))
                        .status())
                .isEqualTo(404);

        // a mailbox whose mail is on tickets stays; one no mail has passed through goes
        Api.Response refused = admin().delete(path);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("deactivate");
        String unused = unique("unused") + "@desk.test";
        JsonNode spare = newMailbox(unused, "not-the-password");
        String sparePath = "/api/v1/channels/email/" + spare.get("id").asLong();
        assertThat(admin().delete(sparePath).status()).isEqualTo(204);
        assertThat(admin().get(sparePath).status()).isEqualTo(404);
        JsonNode agent = newAgent("agent");
        Api asAgent = new Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.patch(path, Map.of("active", false)).status()).isEqualTo(403);
        assertThat(asAgent.delete(path).status()).isEqualTo(403);
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

    @Test
    void anAgentsReplyGoesOutThreadedAndTheAnswerJoinsTheTicket() throws Exception {
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD);
        String customer = unique("ana") + "@customers.rapport.dev";
        String sam = unique("sam") + "@customers.rapport.dev";
        String first = unique("first") + "@customers.rapport.dev";
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        first,
                        "Transfer missing",
                        "Cc: Sam <" + sam + ">\r\n",
                        "My transfer has not arrived."));
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1);
        long number = ticket.get("number").asLong();

        // "we received it", threaded and marked as automatic
        MimeMessage received =
                TestMail.waitFor(customer, m -> TestMail.subject(m).contains("[#" + number + "]"));
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<" + first + ">");

        Api.Response sent = admin().post(
                        "/api/v1/tickets/" + ticket.get("id").asLong() + "/messages",
                        Map.of("body", "Please check again now: it was sent today.", "visibility", "public"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        MimeMessage reply = TestMail.waitFor(customer, m -> body(m).contains("Please check again now"));
        assertThat(((InternetAddress) reply.getFrom()[0]).getAddress()).isEqualTo(box);
        assertThat(((InternetAddress) reply.getFrom()[0]).getPersonal())
                .isNotBlank()
                .isNotEqualTo(box);
        assertThat(TestMail.subject(reply)).startsWith("Re: [#" + number + "]").contains("Transfer missing");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<" + first + ">");
        assertThat(reply.getHeader("References", null)).contains("<" + first + ">");
        assertThat(reply.getHeader("Auto-Submitted")).isNull();
        assertThat(reply.getRecipients(jakarta.mail.Message.RecipientType.CC))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(sam);
        assertThat(body(reply)).doesNotContain("support portal");
        String replyId = reply.getMessageID();
        JsonNode withDelivery = awaitTicket(
                customer,
                t -> t.get("messages").get(1).hasNonNull("delivery")
                        && t.get("messages")
                                .get(1)
                                .get("delivery")
                                .get("state")
                                .asString()
                                .equals("sent"));
        assertThat(withDelivery.get("messages").get(1).get("delivery").get("at").isNull())
                .isFalse();

        // the customer answers the reply: same ticket, only the new text
        TestMail.deliver(
                box,
                PASSWORD,
                mail(
                        customer,
                        box,
                        unique("answer") + "@customers.rapport.dev",
                        "Re: " + TestMail.subject(reply),
                        "In-Reply-To: " + replyId + "\r\nReferences: <" + first + "> " + replyId + "\r\n",
                        "Found it, thank you!\r\n\r\n> Please check again now: it was sent today."));
        ticket = awaitTicket(customer, t -> t.get("messages").size() == 3);
        assertThat(ticket.get("messages").get(2).get("body").asString()).isEqualTo("Found it, thank you!");

        // Sam's address bounces: the reply is marked failed, a note says why, nothing reopens or is sent
        String status = ticket.get("status").asString();
        int mailsBefore = TestMail.allTo(customer).size();
        TestMail.deliver(box, PASSWORD, bounce(box, sam, replyId));
        ticket = awaitTicket(customer, t -> t.get("messages").size() == 4);
        assertThat(ticket.get("messages").get(3).get("visibility").asString()).isEqualTo("internal");
        assertThat(ticket.get("messages").get(3).get("body").asString()).contains(sam, "5.1.1");
        assertThat(ticket.get("messages").get(1).get("delivery").get("state").asString())
                .isEqualTo("failed");
        assertThat(ticket.get("status").asString()).isEqualTo(status);
        assertThat(TestMail.allTo(customer)).hasSize(mailsBefore);
    }

    @Test
    void withTheMailServerDownRepliesGoOutLaterEachOnce() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String box = unique("support") + "@desk.test";
        newMailbox(box, PASSWORD, port); // nothing listens there yet
        String customer = unique("ola") + "@customers.rapport.dev";
        TestMail.deliver(
                box, PASSWORD, mail(customer, box, unique("m") + "@customers.rapport.dev", "Card", "", "Help"));
        JsonNode ticket = awaitTicket(customer, t -> t.get("messages").size() == 1);
        long id = ticket.get("id").asLong();
        for (String text : List.of("First answer.", "Second answer.")) {
            assertThat(admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", text, "visibility", "public"))
                            .status())
                    .isEqualTo(201);
        }
        JsonNode waiting = awaitTicket(
                customer,
                t -> t.get("messages").size() == 3
                        && t.get("messages").get(2).hasNonNull("delivery")
                        && t.get("messages").get(2).get("delivery").hasNonNull("detail"));
        assertThat(waiting.get("messages").get(2).get("delivery").get("state").asString())
                .isEqualTo("pending");

        GreenMail later = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        later.start();
        try {
            awaitTicket(
                    customer,
                    t -> t.get("messages")
                                    .get(1)
                                    .get("delivery")
                                    .get("state")
                                    .asString()
                                    .equals("sent")
                            && t.get("messages")
                                    .get(2)
                                    .get("delivery")
                                    .get("state")
                                    .asString()
                                    .equals("sent"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> later.getReceivedMessages().length >= 3);
            List<String> bodies = new java.util.ArrayList<>();
            for (MimeMessage m : later.getReceivedMessages()) {
                bodies.add(body(m));
            }
            assertThat(bodies.stream().filter(b -> b.contains("First answer."))).hasSize(1);
            assertThat(bodies.stream().filter(b -> b.contains("Second answer.")))
                    .hasSize(1);
            assertThat(bodies).hasSize(3); // and "we received it"
        } finally {
            later.stop();
        }
    }

    private static String bounce(String box, String failed, String messageId) {
        return "From: Mail Delivery System <mailer-daemon@mx.customers.rapport.dev>\r\n"
                + "To: " + box + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <" + unique("dsn") + "@mx.customers.rapport.dev>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nYour mail could not be delivered.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.customers.rapport.dev\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: " + messageId + "\r\nSubject: Re: Transfer missing\r\n\r\n"
                + "--b--\r\n";
    }

    /** The text of a mail, whether it is plain or has a text and an HTML part. */
    private static String body(MimeMessage message) {
        try {
            return new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    + (message.getContent() instanceof jakarta.mail.Multipart multipart ? text(multipart) : "");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(jakarta.mail.Multipart multipart) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof jakarta.mail.Multipart inner) {
                all.append(text(inner));
            } else if (content instanceof String text) {
                all.append(text).append('\n');
            }
        }
        return all.toString();
    }
}
