package io.rapport.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.common.DeskClock;
import io.rapport.sla.internal.SlaTargets;
import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import io.rapport.tickets.Channel;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SLA over the API (issue 9, point 5): calendars and policies, the {@code sla} of a ticket, the clock stopped while
 * pending, warnings and breaches; H2 and PostgreSQL. Tests share one database, so each policy applies only to the
 * customers of an organization made for the test, and is deactivated after it.
 */
abstract class SlaContract extends IntegrationTest {

    @Autowired
    DeskClock clock;

    @Autowired
    Tickets tickets;

    @Autowired
    SlaTargets targets;

    @Autowired
    Slas slas;

    @Autowired
    io.rapport.accounts.Agents agents;

    private final List<Long> policies = new java.util.ArrayList<>();

    @AfterEach
    void deactivatePolicies() {
        policies.forEach(id -> admin().post("/api/v1/sla-policies/" + id + "/deactivate", Map.of()));
    }

    /** An organization of its own: its domain's customers are the only ones a test's policies touch. */
    private String domain() {
        String domain = "sla-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        var org = admin().post("/api/v1/organizations", Map.of("name", "SLA " + domain, "domains", List.of(domain)));
        assertThat(org.status()).as(org.toString()).isEqualTo(201);
        return domain;
    }

    private long organizationOf(String domain) {
        for (JsonNode o :
                admin().get("/api/v1/organizations?q=" + domain).json().get("items")) {
            return o.get("id").asLong();
        }
        throw new AssertionError("no organization " + domain);
    }

    private JsonNode policy(Map<String, Object> body) {
        var r = admin().post("/api/v1/sla-policies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        policies.add(r.json().get("id").asLong());
        return r.json();
    }

    private JsonNode ticket(String email, String priority) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Card declined",
                                "body",
                                "My card is declined at every shop since this morning.",
                                "priority",
                                priority,
                                "customer",
                                Map.of("email", email)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aTicketShowsTheTargetsOfTheMostSpecificPolicyOnItsCalendar() {
        String domain = domain();
        long org = organizationOf(domain);
        var calendar = admin().post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Office " + domain,
                                "timezone",
                                "Europe/Berlin",
                                "hours",
                                Map.of("mon", List.of("09:00-17:00"), "tue", List.of("09:00-17:00")),
                                "holidays",
                                List.of("2026-12-25")));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(201);
        assertThat(calendar.json().get("hours").get("mon").get(0).asString()).isEqualTo("09:00-17:00");
        long calendarId = calendar.json().get("id").asLong();

        policy(Map.of(
                "name",
                "Everyone at " + domain,
                "organizationId",
                org,
                "firstResponseMinutes",
                240,
                "solutionMinutes",
                2400,
                "calendarId",
                calendarId));
        policy(Map.of(
                "name",
                "Urgent at " + domain,
                "organizationId",
                org,
                "priority",
                "urgent",
                "firstResponseMinutes",
                30,
                "nextResponseMinutes",
                60,
                "solutionMinutes",
                240));

        JsonNode normal = ticket("ann@" + domain, "normal");
        assertThat(normal.get("sla").get("policy").asString()).isEqualTo("Everyone at " + domain);
        JsonNode urgent = ticket("bob@" + domain, "urgent");
        JsonNode sla = urgent.get("sla");
        assertThat(sla.get("policy").asString())
                .as("priority and organization beat organization")
                .isEqualTo("Urgent at " + domain);
        Instant created = Instant.parse(urgent.get("createdAt").asString());
        assertThat(Instant.parse(sla.get("firstResponseDueAt").asString()))
                .isEqualTo(created.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(sla.get("solutionDueAt").asString())).isEqualTo(created.plus(Duration.ofMinutes(240)));
        assertThat(sla.get("breached").size()).isZero();

        JsonNode read =
                admin().get("/api/v1/tickets/" + urgent.get("id").asLong()).json();
        assertThat(read.get("sla").get("policy").asString()).isEqualTo("Urgent at " + domain);
        JsonNode outsider = ticket("carl-" + UUID.randomUUID() + "@elsewhere.example.net", "urgent");
        assertThat(outsider.has("sla")).as("no policy applies: no sla field").isFalse();
        // a ticket opened before a policy applied to it gets no targets from a later edit
        long old = ticket("dan-" + UUID.randomUUID() + "@elsewhere.example.net", "low")
                .get("id")
                .asLong();
        policy(Map.of(
                "name",
                "Everyone low " + domain,
                "priority",
                "low",
                "firstResponseMinutes",
                30,
                "solutionMinutes",
                60));
        admin().patch("/api/v1/tickets/" + old, Map.of("tags", List.of("edited")));
        assertThat(admin().get("/api/v1/tickets/" + old).json().has("sla")).isFalse();
    }

    @Test
    void aReplyMeetsTheFirstResponseAndPendingStopsTheSolutionClock() {
        String domain = domain();
        policy(Map.of(
                "name",
                "Clock " + domain,
                "organizationId",
                organizationOf(domain),
                "firstResponseMinutes",
                60,
                "solutionMinutes",
                600));
        long id = ticket("dora@" + domain, "normal").get("id").asLong();
        assertThat(admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Looking into it now."))
                        .status())
                .isEqualTo(201);
        JsonNode sla = admin().get("/api/v1/tickets/" + id).json().get("sla");
        assertThat(sla.get("firstResponseDueAt").isNull()).as("met").isTrue();
        assertThat(sla.get("firstRespondedAt").isNull()).isFalse();
        Instant solutionDue = Instant.parse(sla.get("solutionDueAt").asString());

        admin().patch("/api/v1/tickets/" + id, Map.of("status", "pending"));
        sla = admin().get("/api/v1/tickets/" + id).json().get("sla");
        assertThat(sla.get("solutionDueAt").isNull())
                .as("waiting on the customer")
                .isTrue();
        assertThat(sla.get("paused").asBoolean()).isTrue();

        admin().patch("/api/v1/tickets/" + id, Map.of("status", "open"));
        sla = admin().get("/api/v1/tickets/" + id).json().get("sla");
        assertThat(sla.get("paused").asBoolean()).isFalse();
        assertThat(Instant.parse(sla.get("solutionDueAt").asString()))
                .as("the time left is given back")
                .isBetween(solutionDue.minusSeconds(1), solutionDue.plusSeconds(60));
    }

    @Test
    void aMissedTargetIsRecordedOnTheTicketAndAWarningGoesToTheSupervisor() {
        String domain = domain();
        policy(Map.of(
                "name",
                "Tight " + domain,
                "organizationId",
                organizationOf(domain),
                "firstResponseMinutes",
                60,
                "solutionMinutes",
                600));
        JsonNode supervisor = newAgent("supervisor");
        String supervisorEmail = supervisor.get("email").asString();
        // a second supervisor chose German for the desk: the warning reaches them in German
        JsonNode german = newAgent("supervisor");
        agents.setDeskLanguage(german.get("id").asLong(), "de", io.rapport.accounts.Actor.system());
        Instant now = Instant.now();
        // one ticket opened 90 minutes ago: its first response is 30 minutes late; one 50 minutes ago: 10 minutes left
        long late = clock.replay(now.minus(Duration.ofMinutes(90)), () -> open("erin@" + domain));
        long close = clock.replay(now.minus(Duration.ofMinutes(50)), () -> open("finn@" + domain));
        targets.check(late);
        targets.check(close);
        targets.check(late); // a second look records nothing twice

        JsonNode lateSla = admin().get("/api/v1/tickets/" + late).json().get("sla");
        assertThat(lateSla.get("breached").valueStream().map(JsonNode::asString).toList())
                .containsExactly("first_response");
        JsonNode closeSla = admin().get("/api/v1/tickets/" + close).json().get("sla");
        assertThat(closeSla.get("breached").size()).isZero();
        var page = slas.forTickets(List.of(late, close, 987_654_321L));
        assertThat(page)
                .as("a page of tickets, read at once, says what each read alone says")
                .containsOnlyKeys(late, close)
                .containsEntry(late, slas.forTicket(late).orElseThrow())
                .containsEntry(close, slas.forTicket(close).orElseThrow());
        var warning = TestMail.waitFor(supervisorEmail, m -> subject(m).startsWith("SLA warning"));
        assertThat(subject(warning)).contains("Card declined");
        assertThat(TestMail.text(warning))
                .contains("The first response target of ticket #")
                .contains("nobody has the ticket yet")
                .contains("/tickets/");
        var inGerman =
                TestMail.waitFor(german.get("email").asString(), m -> subject(m).startsWith("SLA-Warnung"));
        assertThat(subject(inGerman)).contains("Card declined");
        assertThat(TestMail.text(inGerman))
                .contains("ist um ")
                .contains("fällig: erste Antwort.")
                .contains("Noch niemand hat das Ticket.");
        assertThat(TestMail.allTo(supervisorEmail).stream()
                        .filter(m -> subject(m).startsWith("SLA warning")))
                .as("one warning, for the ticket close to its due time")
                .hasSize(1);
    }

    private long open(String email) {
        return tickets.open(new OpenTicket(
                        "Card declined",
                        "My card is declined at every shop.",
                        null,
                        email,
                        null,
                        Channel.EMAIL,
                        Priority.NORMAL,
                        Set.of(),
                        List.of(),
                        null))
                .id();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void calendarsAndPoliciesAreForAdminsAndRefuseWhatCannotBeRead() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "x", "timezone", "Mars/Olympus", "hours", Map.of("mon", List.of("09:00-17:00"))),
                Map.of("name", "x", "timezone", "UTC", "hours", Map.of("mon", List.of("17:00-09:00"))),
                Map.of("name", "x", "timezone", "UTC", "hours", Map.of("someday", List.of("09:00-17:00"))),
                Map.of("name", "x", "timezone", "UTC", "hours", Map.of()),
                Map.of("name", "x", "timezone", "UTC", "hours", "9 to 5"),
                Map.of(
                        "name",
                        "x",
                        "timezone",
                        "UTC",
                        "hours",
                        Map.of("mon", List.of("09:00-17:00")),
                        "holidays",
                        List.of("Christmas")),
                Map.of("timezone", "UTC", "hours", Map.of("mon", List.of("09:00-17:00"))))) {
            var refused = admin().post("/api/v1/calendars", bad);
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
        }
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "x", "solutionMinutes", 60),
                Map.of("name", "x", "firstResponseMinutes", 0, "solutionMinutes", 60),
                Map.of("name", "x", "firstResponseMinutes", 10, "solutionMinutes", 60, "priority", "asap"),
                Map.of("name", "x", "firstResponseMinutes", 10, "solutionMinutes", 60, "calendarId", 987654321L),
                Map.of("name", "x", "firstResponseMinutes", 10, "solutionMinutes", 60, "organizationId", 987654321L),
                Map.of("name", "x", "firstResponseMinutes", "ten", "solutionMinutes", 60))) {
            var refused = admin().post("/api/v1/sla-policies", bad);
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
        }
        assertThat(admin().get("/api/v1/calendars/987654321").status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/sla-policies/987654321/deactivate", Map.of())
                        .status())
                .isEqualTo(404);

        JsonNode agent = newAgent("agent");
        Api asAgent = new Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.get("/api/v1/sla-policies").status()).isEqualTo(200);
        assertThat(asAgent.post(
                                "/api/v1/calendars",
                                Map.of("name", "x", "timezone", "UTC", "hours", Map.of("mon", List.of("09:00-17:00"))))
                        .status())
                .isEqualTo(403);
        assertThat(asAgent.post(
                                "/api/v1/sla-policies",
                                Map.of("name", "x", "firstResponseMinutes", 10, "solutionMinutes", 60))
                        .status())
                .isEqualTo(403);
    }
}
