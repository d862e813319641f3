package io.rapport.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routing end to end over the API (issue 9, points 2, 3 and 7): the language detected, the skill rules, push and
 * queue, waiting and widening, escalation to a tier; on H2 and PostgreSQL. Tests share one database, so each uses
 * its own skill name where other tests' agents could otherwise compete.
 *
 * <p>They run in an application of their own, on a database of their own, closed after them. An agent who comes
 * online is handed the tickets waiting for anyone (ADR 24), and in the database the other tests share those can be
 * more than any capacity: CI once saw an agent with room for 1,000 come online full.
 */
@org.springframework.test.context.TestPropertySource(properties = "rapport.test.application=routing")
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RoutingContract extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.rapport.knowledge.Search search;

    protected JsonNode agent(
            String name, String skill, int level, List<Map<String, String>> languages, int tier, int capacity) {
        var response = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                unique("routing") + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1",
                                "role",
                                "agent",
                                "languages",
                                languages,
                                "skills",
                                List.of(Map.of("name", skill, "level", level)),
                                "tier",
                                tier,
                                "capacity",
                                capacity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Agents set online here, set offline after each test: later tests in this database expect no one to push to. */
    private final List<Long> onlineHere = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void everyoneOffline() {
        for (long id : onlineHere) {
            admin().put("/api/v1/agents/" + id + "/presence", Map.of("status", "offline"));
        }
    }

    /**
     * Sets the agent online. Whoever comes online is offered the tickets that wait (ADR 24), and in the database the
     * tests share many do, left unassigned by other tests: agents a test expects to take its own ticket get room for
     * those (capacity 1,000).
     */
    protected void online(JsonNode agent) {
        onlineHere.add(agent.get("id").asLong());
        var r = admin().put("/api/v1/agents/" + agent.get("id").asLong() + "/presence", Map.of("status", "online"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    protected JsonNode ticket(String subject, String body) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                body,
                                "customer",
                                Map.of("email", unique("c") + "@rapport.test")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    protected void rule(String skill, int level, List<String> keywords) {
        var r = admin().post("/api/v1/routing/rules", Map.of("skill", skill, "level", level, "keywords", keywords));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void aGermanBillingQuestionGoesToTheOnlineGermanSpeakingBillingAgentWithCapacity() {
        String billing = unique("billing");
        rule(billing, 3, List.of("rechnung", "invoice", "abgebucht"));
        var native_ = List.of(Map.of("code", "de", "level", "native"), Map.of("code", "en", "level", "fluent"));
        JsonNode english = agent("Emma English", billing, 5, List.of(Map.of("code", "en", "level", "native")), 1, 10);
        JsonNode away = agent("Dieter Away", billing, 4, native_, 1, 10);
        JsonNode full = agent("Frieda Full", billing, 4, native_, 1, 1);
        JsonNode beginner = agent("Bernd Beginner", billing, 1, native_, 1, 10);
        JsonNode right = agent("Greta Billing", billing, 4, native_, 1, 1000);
        for (JsonNode a : List.of(english, full, beginner, right)) {
            online(a);
        }
        // Frieda's only place is taken
        long fillerId = ticket("Placeholder", "Filler").get("id").asLong();
        admin().patch(
                        "/api/v1/tickets/" + fillerId,
                        Map.of("assigneeId", full.get("id").asLong()));

        JsonNode created = ticket(
                "Frage zu meiner Rechnung",
                "Guten Tag, mir wurde die Rechnung für November zweimal abgebucht. Können Sie das bitte prüfen?");
        long id = created.get("id").asLong();
        assertThat(created.get("language").asString())
                .as("detected from the first message")
                .isEqualTo("de");

        JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("assigneeId").asLong())
                .as("assigned as the ticket is created: " + admin().get("/api/v1/tickets/" + id + "/routing"))
                .isEqualTo(right.get("id").asLong());

        JsonNode routing = admin().get("/api/v1/tickets/" + id + "/routing").json();
        assertThat(routing.get("assigneeId").asLong()).isEqualTo(right.get("id").asLong());
        assertThat(routing.get("outcome").asString()).isEqualTo("assigned");
        assertThat(strings(routing.get("reasons")))
                .contains(
                        "needs " + billing + " at level 3 or above (rules)",
                        "the customer writes in German",
                        "speaks German natively",
                        billing + " level 4 (needs 3)");
        assertThat(routing.get("candidates").get(0).get("agentId").asLong())
                .isEqualTo(right.get("id").asLong());
        assertThat(routing.get("candidates").toString())
                .as("only those who may take it are ranked")
                .doesNotContain("Emma English", "Dieter Away", "Frieda Full", "Bernd Beginner");
        assertThat(routing.get("candidates").get(0).get("reasons").size()).isPositive();
        ignoreOthers(away);
    }

    @Test
    void aTicketNobodyTaggedReachesTheSkillItsSimilarSolvedTicketsWereTaggedFor() {
        String skill = unique("apiary");
        String topic = unique("hive");
        String[][] solved = {
            {"Bees gone", "The bees left the hive this morning and did not come back."},
            {"No queen", "Our hive has no queen anymore, the workers are restless."},
            {"Weak colony", "The colony in my hive is getting weaker every week."}
        };
        for (String[] s : solved) {
            var r = admin().post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject",
                                    s[0],
                                    "body",
                                    s[1],
                                    "tags",
                                    List.of(topic),
                                    "customer",
                                    Map.of("email", unique("c") + "@rapport.test")));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            var done = admin().patch("/api/v1/tickets/" + r.json().get("id").asLong(), Map.of("status", "solved"));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
        }
        search.catchUp();
        var r = admin().post("/api/v1/routing/rules", Map.of("skill", skill, "level", 2, "tag", topic));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var english = List.of(Map.of("code", "en", "level", "native"));
        JsonNode keeper = agent("Bea Keeper", skill, 3, english, 1, 1000);
        JsonNode other = agent("Otto Other", unique("other"), 3, english, 1, 1000);
        online(other);
        online(keeper);

        long id = ticket("Swarm?", "My bee colony seems to be leaving its box, what should I do?")
                .get("id")
                .asLong();

        JsonNode routing = admin().get("/api/v1/tickets/" + id + "/routing").json();
        assertThat(routing.get("assigneeId").asLong())
                .as(routing.toString())
                .isEqualTo(keeper.get("id").asLong());
        assertThat(strings(routing.get("reasons")))
                .as(routing.toString())
                .contains("needs " + skill + " at level 2 or above (rules)")
                .anyMatch(reason -> reason.startsWith("about " + topic + ": similar solved tickets #")
                        && reason.endsWith(" are tagged so"));
    }

    @Test
    void aTeamThatTakesFromItsQueueGetsNoPushButChatsAreStillPushed() {
        String skill = unique("queue");
        long team = admin().post("/api/v1/teams", Map.of("name", unique("Queue team")))
                .json()
                .get("id")
                .asLong();
        JsonNode member = agent("Quentin Queue", skill, 3, List.of(Map.of("code", "en", "level", "native")), 1, 10);
        admin().post(
                        "/api/v1/teams/" + team + "/members",
                        Map.of("agentId", member.get("id").asLong()));
        online(member);
        var set = admin().put("/api/v1/routing/teams", Map.of("teamId", team, "mode", "queue", "waitMinutes", 5));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("mode").asString()).isEqualTo("queue");

        long id = ticket("Please help with my order", "My order has not arrived yet, could you check it?")
                .get("id")
                .asLong();
        var moved = admin().post(
                        "/api/v1/tickets/" + id + "/escalations",
                        Map.of("toTeamId", team, "note", "Their order desk handles this."));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        JsonNode routing = admin().get("/api/v1/tickets/" + id + "/routing").json();
        assertThat(routing.get("outcome").asString()).isEqualTo("queued");
        assertThat(strings(routing.get("reasons"))).contains("the team takes its tickets from its queue, not pushed");
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("assigneeId").isNull())
                .isTrue();

        JsonNode settings = admin().get("/api/v1/routing/teams").json();
        assertThat(settings.toString()).contains("\"teamId\":" + team + ",\"mode\":\"queue\",\"waitMinutes\":5");
    }

    @Test
    void aTicketEscalatedToATierGoesToSomeoneOfThatTier() {
        String skill = unique("legal");
        rule(skill, 1, List.of(skill));
        var en = List.of(Map.of("code", "en", "level", "native"));
        JsonNode first = agent("Tom Tier One", skill, 3, en, 1, 1000);
        JsonNode third = agent("Tara Tier Three", skill, 3, en, 3, 1000);
        online(first);
        online(third);
        long id = ticket("A " + skill + " matter", "I have a " + skill + " question about the contract terms.")
                .get("id")
                .asLong();
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("assigneeId").asLong())
                .as("the lowest tier that may take it first")
                .isEqualTo(first.get("id").asLong());
        var up = admin().post(
                        "/api/v1/tickets/" + id + "/escalations",
                        Map.of("toTier", 3, "note", "Needs a lawyer's reading of clause 7."));
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("assigneeId").asLong())
                .isEqualTo(third.get("id").asLong());
        assertThat(strings(
                        admin().get("/api/v1/tickets/" + id + "/routing").json().get("reasons")))
                .contains("escalated to tier 3");
    }

    @Test
    void rulesAndSettingsAreForAdminsAndBadInputIsRefused() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("level", 3, "keywords", List.of("x")),
                Map.of("skill", "billing", "level", 9, "keywords", List.of("x")),
                Map.of("skill", "billing", "level", 3),
                Map.of("skill", "billing", "level", 3, "channel", "pigeon"),
                Map.of("skill", "billing", "level", 3, "organizationId", 987654321L),
                Map.of("skill", "billing", "level", "three", "keywords", List.of("x")),
                Map.of("skill", "billing", "level", 3, "keywords", "x"))) {
            var refused = admin().post("/api/v1/routing/rules", bad);
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
        }
        assertThat(admin().put("/api/v1/routing/teams", Map.of("mode", "sometimes"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().put("/api/v1/routing/teams", Map.of("teamId", 987654321L, "mode", "push"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().put("/api/v1/routing/teams", Map.of("mode", "push", "waitMinutes", -1))
                        .status())
                .isEqualTo(400);
        assertThat(admin().delete("/api/v1/routing/rules/987654321").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/tickets/987654321/routing").status()).isEqualTo(404);

        JsonNode agent = newAgent("agent");
        Api asAgent = new Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.get("/api/v1/routing/rules").status()).isEqualTo(200);
        assertThat(asAgent.post("/api/v1/routing/rules", Map.of("skill", "x", "level", 1, "keywords", List.of("x")))
                        .status())
                .isEqualTo(403);
        assertThat(asAgent.put("/api/v1/routing/teams", Map.of("mode", "queue")).status())
                .isEqualTo(403);
    }

    protected static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** An agent made only to be passed over. */
    private static void ignoreOthers(JsonNode agent) {
        assertThat(agent.get("id").asLong()).isPositive();
    }
}
