package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.accounts.ApiTokens;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The ticket, message, agent and customer calls of CONTRACT.md, black-box over HTTP; run on H2 and PostgreSQL. */
abstract class TicketApiContract extends IntegrationTest {

    /** A ticket with a priority, tags and a named customer, as most contract calls need one. */
    JsonNode openTicket(String email, String subject) {
        var response = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                "My card payment was declined at the shop today.",
                                "customer",
                                Map.of("email", email, "name", "Ada Customer"),
                                "priority",
                                "high",
                                "tags",
                                List.of("Cards", "declined")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Autowired
    Tickets tickets;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void solvedTicketsWithoutAnAnswerCloseUnconfirmedAfterTheWait() {
        long waited = openTicket(unique("auto") + "@example.com", "Auto close")
                .get("id")
                .asLong();
        admin().patch("/api/v1/tickets/" + waited, Map.of("status", "solved"));
        java.time.Instant waitedAt = java.time.Instant.parse(
                admin().get("/api/v1/tickets/" + waited).json().get("solvedAt").asString());
        // the second ticket is solved measurably later, so that a cutoff fits between the two
        await().until(() -> java.time.Instant.now().isAfter(waitedAt.plusMillis(100)));
        long fresh = openTicket(unique("auto") + "@example.com", "Just solved")
                .get("id")
                .asLong();
        admin().patch("/api/v1/tickets/" + fresh, Map.of("status", "solved"));

        // the cutoff falls midway between the two solve times, whatever the machine's load
        java.time.Instant freshAt = java.time.Instant.parse(
                admin().get("/api/v1/tickets/" + fresh).json().get("solvedAt").asString());
        java.time.Instant midway =
                waitedAt.plus(java.time.Duration.between(waitedAt, freshAt).dividedBy(2));
        tickets.closeUnanswered(java.time.Duration.between(midway, java.time.Instant.now()), 1000);

        JsonNode closed = admin().get("/api/v1/tickets/" + waited).json();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("outcome").asString()).isEqualTo("unconfirmed");
        assertThat(admin().get("/api/v1/tickets/" + fresh).json().get("status").asString())
                .isEqualTo("solved");
        List<JsonNode> audit = admin().get("/api/v1/tickets/" + waited + "/audit")
                .json()
                .valueStream()
                .toList();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("actor").get("type").asString()).isEqualTo("system");
            assertThat(e.get("after").asString()).isEqualTo("unconfirmed");
        });
    }

    /** People call a ticket by its number; the API keeps its ids and also finds a ticket by number. */
    @Test
    void aTicketIsFoundByItsNumber() {
        JsonNode ticket = openTicket(unique("number") + "@example.com", "Find me by number");
        long number = ticket.get("number").asLong();
        JsonNode found = admin().get("/api/v1/tickets?number=" + number).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asLong())
                .isEqualTo(ticket.get("id").asLong());
        assertThat(admin().get("/api/v1/tickets?number=987654321")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(admin().get("/api/v1/tickets?number=abc").status()).isEqualTo(400);
    }

    @Test
    void concurrentFirstContactsFromOneAddressMakeOneCustomer() throws Exception {
        String email = unique("race") + "@example.com";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> admin().post(
                                "/api/v1/tickets",
                                Map.of("subject", "Race", "body", "Same person", "customer", Map.of("email", email)))
                        .status()));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode customers = admin().get("/api/v1/customers?email=" + email).json();
        assertThat(customers.get("total").asLong()).isEqualTo(1);
        assertThat(customers
                        .get("items")
                        .get(0)
                        .get("ticketCounts")
                        .get("total")
                        .asLong())
                .isEqualTo(8);
    }

    @Test
    void moreBadInputIsNamed() {
        long id = openTicket(unique("bad") + "@example.com", "Bad input")
                .get("id")
                .asLong();
        var team = admin().patch("/api/v1/tickets/" + id, Map.of("teamId", 987654));
        assertThat(team.status()).isEqualTo(400);
        assertThat(team.json().get("detail").asString()).contains("teamId");

        var longName = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                unique("n") + "@rapport.test",
                                "name",
                                "n".repeat(201),
                                "password",
                                "long-enough-1"));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("detail").asString()).contains("name");

        var form = admin().postRaw("/api/v1/tickets", "application/x-www-form-urlencoded", "subject=x".getBytes());
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.contentType()).startsWith("application/problem+json");

        assertThat(admin().get("/api/v1/tickets?q=abc%5C").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/customers?q=50%25%5C_").status()).isEqualTo(200);
    }

    @Test
    void healthIsUpWithoutSignIn() {
        var health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void createsATicketAndReadsItBackWithItsMessages() {
        String email = unique("ada") + "@example.com";
        JsonNode ticket = openTicket(email, "Card declined");
        assertThat(ticket.get("number").asLong()).isGreaterThanOrEqualTo(1001);
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("outcome").asString()).isEqualTo("unknown");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("channel").asString()).isEqualTo("api");
        assertThat(ticket.get("customer").get("email").asString()).isEqualTo(email);
        assertThat(ticket.get("customer").get("name").asString()).isEqualTo("Ada Customer");
        assertThat(ticket.get("tags").toString()).isEqualTo("[\"cards\",\"declined\"]");
        assertThat(ticket.get("createdAt").asString()).endsWith("Z");
        assertThat(ticket.has("assigneeId")).isTrue();
        assertThat(ticket.has("language")).isTrue();

        var read = admin().get("/api/v1/tickets/" + ticket.get("id").asLong());
        assertThat(read.status()).isEqualTo(200);
        JsonNode message = read.json().get("messages").get(0);
        assertThat(message.get("author").get("type").asString()).isEqualTo("customer");
        assertThat(message.get("visibility").asString()).isEqualTo("public");
        assertThat(message.get("body").asString()).contains("declined");
        assertThat(message.get("attachments").isArray()).isTrue();
    }

    @Test
    void numbersAreUniqueAndIncreasing() {
        long first =
                openTicket(unique("n") + "@example.com", "one").get("number").asLong();
        long second =
                openTicket(unique("n") + "@example.com", "two").get("number").asLong();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void listsWithFiltersAndPaging() {
        String email = unique("list") + "@example.com";
        for (int i = 0; i < 3; i++) {
            openTicket(email, "Paging " + i);
        }
        var page = admin().get("/api/v1/tickets?customerEmail=" + email + "&size=2&page=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(3);
        assertThat(page.json().get("items").size()).isEqualTo(2);
        var second = admin().get("/api/v1/tickets?customerEmail=" + email + "&size=2&page=1");
        assertThat(second.json().get("items").size()).isEqualTo(1);

        var byStatus = admin().get("/api/v1/tickets?customerEmail=" + email + "&status=solved");
        assertThat(byStatus.json().get("total").asLong()).isZero();
        var byText = admin().get("/api/v1/tickets?customerEmail=" + email + "&q=paging%201");
        assertThat(byText.json().get("total").asLong()).isEqualTo(1);
        var nobody = admin().get("/api/v1/tickets?customerEmail=nobody-" + UUID.randomUUID() + "@example.com");
        assertThat(nobody.json().get("total").asLong()).isZero();
    }

    @Test
    void patchMovesThroughTheWorkflowAndAssigns() {
        JsonNode ticket = openTicket(unique("wf") + "@example.com", "Workflow");
        long id = ticket.get("id").asLong();
        JsonNode agent = newAgent("agent");

        var assigned = admin().patch(
                        "/api/v1/tickets/" + id,
                        Map.of("assigneeId", agent.get("id").asLong(), "priority", "urgent", "tags", List.of("vip")));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assigneeId").asLong())
                .isEqualTo(agent.get("id").asLong());
        assertThat(assigned.json().get("priority").asString()).isEqualTo("urgent");
        assertThat(assigned.json().get("tags").toString()).isEqualTo("[\"vip\"]");

        var solved = admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        assertThat(solved.json().get("status").asString()).isEqualTo("solved");
        var illegal = admin().patch("/api/v1/tickets/" + id, Map.of("status", "pending"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().get("detail").asString()).contains("solved").contains("pending");

        var unassigned = admin().patch("/api/v1/tickets/" + id, "{\"assigneeId\":null}");
        assertThat(unassigned.json().get("assigneeId").isNull()).isTrue();

        var closed = admin().patch("/api/v1/tickets/" + id, Map.of("status", "closed"));
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(closed.json().get("outcome").asString()).isEqualTo("unconfirmed");

        List<JsonNode> audit = admin().get("/api/v1/tickets/" + id + "/audit")
                .json()
                .valueStream()
                .toList();
        assertThat(audit)
                .anySatisfy(e -> {
                    assertThat(e.get("field").asString()).isEqualTo("status");
                    assertThat(e.get("before").asString()).isEqualTo("new");
                    assertThat(e.get("after").asString()).isEqualTo("solved");
                    assertThat(e.get("actor").get("name").asString()).isEqualTo("Administrator");
                })
                .anySatisfy(e -> assertThat(e.get("field").asString()).isEqualTo("priority"))
                .anySatisfy(e -> assertThat(e.get("field").asString()).isEqualTo("assignee"));
    }

    @Test
    void repliesAndNotes() {
        long id =
                openTicket(unique("msg") + "@example.com", "Messages").get("id").asLong();
        var reply = admin().post(
                        "/api/v1/tickets/" + id + "/messages", Map.of("body", "We are on it.", "visibility", "public"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("author").get("type").asString()).isEqualTo("agent");
        var note = admin().post(
                        "/api/v1/tickets/" + id + "/messages",
                        Map.of("body", "Customer is a VIP.", "visibility", "internal"));
        assertThat(note.json().get("visibility").asString()).isEqualTo("internal");

        JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString())
                .as("an agent's first reply opens a new ticket")
                .isEqualTo("open");
        assertThat(ticket.get("messages").size()).isEqualTo(3);
    }

    @Test
    void hostileHtmlIsSanitizedAndTextIsDerived() {
        var response = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "HTML",
                                "bodyHtml",
                                "<p>Hello <b>there</b><script>alert(1)</script><img src=x onerror=alert(2)>"
                                        + "<a href=\"javascript:alert(3)\">x</a><a href=\"https://ex.com\" onclick=\"y()\">ok</a></p>",
                                "customer",
                                Map.of("email", unique("html") + "@example.com")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode message = admin().get(
                        "/api/v1/tickets/" + response.json().get("id").asLong())
                .json()
                .get("messages")
                .get(0);
        String html = message.get("bodyHtml").asString();
        assertThat(html).contains("<b>there</b>").contains("https://ex.com");
        assertThat(html.toLowerCase()).doesNotContain("script", "onerror", "javascript:", "onclick", "<img");
        assertThat(message.get("body").asString()).startsWith("Hello there");
    }

    /** An agent's reply on an unassigned ticket assigns it to them, unless the ticket's team turned that off. */
    @Test
    void aReplyOnAnUnassignedTicketAssignsItUnlessTheTeamSaysNo() {
        long adminId = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .valueStream()
                .filter(a -> a.get("email").asString().equals(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        long id = openTicket(unique("assign") + "@example.com", "Assign on reply")
                .get("id")
                .asLong();
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "A note first.", "visibility", "internal"));
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("assigneeId").isNull())
                .as("a note assigns nothing")
                .isTrue();
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "On it."));
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("assigneeId").asLong())
                .isEqualTo(adminId);

        long team = admin().post("/api/v1/teams", Map.of("name", unique("No auto")))
                .json()
                .get("id")
                .asLong();
        io.rapport.support.WebSession web = io.rapport.support.WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        web.get("/admin/teams");
        assertThat(web.postForm("/admin/teams/" + team + "/reply-assigns", Map.of())
                        .statusCode())
                .isEqualTo(302);
        long other = openTicket(unique("noassign") + "@example.com", "Team says no")
                .get("id")
                .asLong();
        admin().patch("/api/v1/tickets/" + other, Map.of("teamId", team));
        admin().post("/api/v1/tickets/" + other + "/messages", Map.of("body", "Replying for the team."));
        assertThat(admin().get("/api/v1/tickets/" + other)
                        .json()
                        .get("assigneeId")
                        .isNull())
                .as("the team keeps its tickets in the queue")
                .isTrue();
    }

    @Test
    void attachmentsAreStoredAndServedOnlyAsDownloads() {
        byte[] file = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var created = admin().multipart(
                        "/api/v1/tickets",
                        "ticket",
                        Map.of(
                                "subject", "With a file",
                                "body", "See attached.",
                                "customer", Map.of("email", unique("att") + "@example.com")),
                        "../../evil.html",
                        file);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode attachment = admin().get(
                        "/api/v1/tickets/" + created.json().get("id").asLong())
                .json()
                .get("messages")
                .get(0)
                .get("attachments")
                .get(0);
        assertThat(attachment.get("filename").asString()).isEqualTo("evil.html");
        assertThat(attachment.get("size").asLong()).isEqualTo(file.length);
        var download = admin().get("/api/v1/attachments/" + attachment.get("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.contentType()).doesNotContain("html");
        assertThat(download.body()).isEqualTo(new String(file, StandardCharsets.UTF_8));

        // a reply with a file answers with the message as a later read shows it (built from what was written)
        long ticketId = created.json().get("id").asLong();
        var replied = admin().multipart(
                        "/api/v1/tickets/" + ticketId + "/messages/with-attachments",
                        "message",
                        Map.of("body", "Here is the <b>form</b>.", "visibility", "internal"),
                        "form.pdf",
                        file);
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
        JsonNode read = admin().get("/api/v1/tickets/" + ticketId)
                .json()
                .get("messages")
                .get(1);
        assertThat(replied.json()).isEqualTo(read);
        assertThat(read.get("attachments").get(0).get("filename").asString()).isEqualTo("form.pdf");
    }

    @Test
    void oversizeAttachmentIs413AndNothingIsCreated() {
        String email = unique("big") + "@example.com";
        var response = admin().multipart(
                        "/api/v1/tickets",
                        "ticket",
                        Map.of("subject", "Too big", "body", "x", "customer", Map.of("email", email)),
                        "big.bin",
                        new byte[1024 * 1024 + 10]);
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(admin().get("/api/v1/tickets?customerEmail=" + email)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void badInputGetsAClearProblem() {
        var missing = admin().post("/api/v1/tickets", Map.of("body", "x", "customer", Map.of("email", "a@b.co")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("subject");
        assertThat(missing.json().get("title").asString()).isNotBlank();

        var overlong = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", "s".repeat(251), "body", "x", "customer", Map.of("email", "a@b.co")));
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().get("detail").asString()).contains("subject");

        var badEmail = admin().post(
                        "/api/v1/tickets", Map.of("subject", "s", "body", "x", "customer", Map.of("email", "nope")));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("detail").asString()).startsWith("customer.email");

        var badPriority = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", "s", "body", "x", "priority", "asap", "customer", Map.of("email", "a@b.co")));
        assertThat(badPriority.status()).isEqualTo(400);
        assertThat(badPriority.json().get("detail").asString()).contains("priority");

        var malformed = admin().post("/api/v1/tickets", "{\"subject\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception", "at io.");

        var wrongType = admin().post("/api/v1/tickets", "{\"subject\": \"s\", \"tags\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("tags");

        var unknown = admin().get("/api/v1/tickets/987654321");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        var notANumber = admin().get("/api/v1/tickets/abc");
        assertThat(notANumber.status())
                .as("ids are opaque: one that cannot exist is unknown")
                .isEqualTo(404);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");
        assertThat(admin().get("/api/v1/agents/x1").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/customers/x1").status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/tickets/987654321/messages", Map.of("body", "hello"))
                        .status())
                .isEqualTo(404);
        assertThat(admin().patch("/api/v1/tickets/987654321", Map.of("priority", "high"))
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/tickets?page=first").status())
                .as("a query parameter of the wrong type is bad input")
                .isEqualTo(400);

        var badPage = admin().get("/api/v1/tickets?size=5000");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("detail").asString()).contains("size");

        String huge =
                "{\"subject\":\"s\",\"body\":\"" + "x".repeat(300 * 1024) + "\",\"customer\":{\"email\":\"a@b.co\"}}";
        var tooLarge = admin().post("/api/v1/tickets", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        var unknownRoute = admin().get("/api/v1/nothing-here");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.contentType()).startsWith("application/problem+json");
    }

    @Autowired
    io.rapport.accounts.Customers customers;

    @Test
    void theCustomerIsMailedRepliesAndAskedWhetherItIsSolvedInTheirLanguage() throws Exception {
        String email = unique("mail") + "@mail.rapport.io";
        JsonNode opened = openTicket(email, "Card blocked");
        long id = opened.get("id").asLong();
        long number = opened.get("number").asLong();
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "I unblocked your card."));
        var reply = TestMail.waitFor(email, m -> TestMail.subject(m).endsWith("Card blocked"));
        assertThat(TestMail.text(reply))
                .contains("I unblocked your card.", "/portal/tickets/" + number)
                .doesNotContain("really solved");
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "internal", "visibility", "internal"));

        admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        var asked = TestMail.waitFor(email, m -> TestMail.subject(m).contains("Is your problem solved?"));
        assertThat(TestMail.text(asked)).contains("/portal/tickets/" + number, "really solved", "after 7 days");
        assertThat(TestMail.allTo(email))
                .as("the internal note is not mailed")
                .noneMatch(m -> TestMail.text(m).contains("internal"));

        String placeholder = unique("demo") + "@example.com";
        long reserved = openTicket(placeholder, "Placeholder").get("id").asLong();
        admin().post("/api/v1/tickets/" + reserved + "/messages", Map.of("body", "Nobody reads this."));

        // a reply that solves the ticket: one mail that carries the question
        String both = unique("both") + "@mail.rapport.io";
        long second = openTicket(both, "Transfer missing").get("id").asLong();
        customers.setPreferredLanguage(customers.findByEmail(both).orElseThrow().id(), "de");
        Author agent = new Author(AuthorType.AGENT, newAgent("agent").get("id").asLong(), "Lea");
        tickets.addMessage(
                second,
                new AddMessage("Die Überweisung ist da.", null, Visibility.PUBLIC, null, agent, List.of()),
                TicketStatus.SOLVED);
        var combined = TestMail.waitFor(both, m -> TestMail.text(m).contains("Die Überweisung ist da."));
        assertThat(TestMail.text(combined)).contains("Lea hat auf Ihre Anfrage geantwortet", "wirklich gelöst");
        // sent mails leave completed publications behind; once every publication of this test is complete, no
        // further mail can come
        String mine = "(serialized_event LIKE '%\"ticketId\":" + id + ",%' OR serialized_event LIKE '%\"ticketId\":"
                + second + ",%')";
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND " + mine) == 0);
        assertThat(TestMail.allTo(both))
                .as("no second mail asking the same question")
                .noneMatch(m -> TestMail.subject(m).contains("gelöst?"));
        assertThat(TestMail.allTo(placeholder))
                .as("example.com is reserved (RFC 2606): demo customers are never mailed")
                .isEmpty();

        assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL AND " + mine))
                .isPositive();
        // the housekeeping's retry query runs on this schema (nothing failed here, so nothing is resent)
        failedPublications.resubmit(org.springframework.modulith.events.ResubmissionOptions.defaults()
                .withMinAge(java.time.Duration.ZERO));
        completedPublications.deletePublicationsOlderThan(java.time.Duration.ZERO);
        assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL AND " + mine))
                .isZero();
    }

    @Autowired
    org.springframework.modulith.events.CompletedEventPublications completedPublications;

    @Autowired
    org.springframework.modulith.events.FailedEventPublications failedPublications;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aReplyWhoseStatusChangeFailsIsNotSentEither() {
        long id = openTicket(unique("both") + "@example.com", "Reply and move")
                .get("id")
                .asLong();
        Author agent = new Author(AuthorType.AGENT, newAgent("agent").get("id").asLong(), "Agent");
        var reply = new AddMessage("Here is the fix.", null, Visibility.PUBLIC, null, agent, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.addMessage(id, reply, TicketStatus.NEW))
                .isInstanceOf(io.rapport.common.Conflict.class);
        JsonNode after = admin().get("/api/v1/tickets/" + id).json();
        assertThat(after.get("messages").size())
                .as("only the customer's first message")
                .isEqualTo(1);
        assertThat(after.get("status").asString()).isEqualTo("new");

        tickets.addMessage(id, reply, TicketStatus.SOLVED);
        after = admin().get("/api/v1/tickets/" + id).json();
        assertThat(after.get("messages").size()).isEqualTo(2);
        assertThat(after.get("status").asString()).isEqualTo("solved");
    }

    @Test
    void customersWithIdentitiesAndTicketCounts() {
        String email = unique("cust") + "@example.com";
        openTicket(email, "First");
        openTicket(email.toUpperCase(), "Second, same customer");
        var found = admin().get("/api/v1/customers?email=" + email);
        assertThat(found.status()).isEqualTo(200);
        JsonNode customer = found.json().get("items").get(0);
        assertThat(customer.get("identities").get(0).get("kind").asString()).isEqualTo("email");
        assertThat(customer.get("identities").get(0).get("value").asString()).isEqualTo(email);
        assertThat(customer.get("ticketCounts").get("total").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/customers/" + customer.get("id").asLong())
                        .status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/customers/99999999").status()).isEqualTo(404);
    }
}
