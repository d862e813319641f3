package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Handing a ticket on with a handoff note (issue 9, point 4, the contract's escalations call); H2 and PostgreSQL. */
abstract class EscalationContract extends IntegrationTest {

    @Test
    void aTicketIsHandedOnToAnAgentATeamOrATierWithANoteAndItsHopsCount() {
        JsonNode ticket = newTicket("Chargeback dispute", unique("c") + "@rapport.test");
        long id = ticket.get("id").asLong();
        JsonNode specialist = newAgent("agent");
        long specialistId = specialist.get("id").asLong();

        var toAgent = admin().post(
                        "/api/v1/tickets/" + id + "/escalations",
                        Map.of(
                                "toAgentId",
                                specialistId,
                                "note",
                                "Card network says pending; needs a chargeback form."));
        assertThat(toAgent.status()).as(toAgent.toString()).isEqualTo(201);
        assertThat(toAgent.json().get("hop").asInt()).isEqualTo(1);
        JsonNode after = admin().get("/api/v1/tickets/" + id).json();
        assertThat(after.get("assigneeId").asLong()).isEqualTo(specialistId);
        assertThat(after.get("messages").toString())
                .contains("Handed on to " + specialist.get("name").asString())
                .contains("needs a chargeback form");

        long team = admin().post("/api/v1/teams", Map.of("name", unique("Disputes")))
                .json()
                .get("id")
                .asLong();
        var toTeam = admin().post(
                        "/api/v1/tickets/" + id + "/escalations",
                        Map.of("toTeamId", team, "note", "Disputes own this."));
        assertThat(toTeam.json().get("hop").asInt()).isEqualTo(2);
        assertThat(toTeam.json().get("fromAgentId").asLong()).isEqualTo(specialistId);
        after = admin().get("/api/v1/tickets/" + id).json();
        assertThat(after.get("teamId").asLong()).isEqualTo(team);
        assertThat(after.get("assigneeId").isNull()).as("the team picks it up").isTrue();

        var toTier =
                admin().post("/api/v1/tickets/" + id + "/escalations", Map.of("toTier", 3, "note", "Legal question."));
        assertThat(toTier.status()).isEqualTo(201);
        assertThat(admin().get("/api/v1/tickets/" + id + "/escalations").json().size())
                .isEqualTo(3);

        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("toTier", 2),
                Map.of("toTier", 2, "note", "  "),
                Map.of("note", "to nobody"),
                Map.of("toTier", 2, "toTeamId", team, "note", "two at once"),
                Map.of("toTier", 7, "note", "no such tier"),
                Map.of("toAgentId", 987654321L, "note", "nobody"))) {
            var refused = admin().post("/api/v1/tickets/" + id + "/escalations", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(admin().get("/api/v1/tickets/" + id + "/escalations").json().size())
                .as("nothing stored by a refused call")
                .isEqualTo(3);
        assertThat(admin().post("/api/v1/tickets/987654321/escalations", Map.of("toTier", 2, "note", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theHandoffReportCountsRightFirstTimeAndHops() {
        JsonNode first = newAgent("agent");
        JsonNode specialist = newAgent("agent");
        String firstName = unique("First");
        String specialistName = unique("Specialist");
        admin().patch("/api/v1/agents/" + first.get("id").asLong(), Map.of("name", firstName));
        admin().patch("/api/v1/agents/" + specialist.get("id").asLong(), Map.of("name", specialistName));

        long right = newTicket("Solved at once", unique("r") + "@rapport.test")
                .get("id")
                .asLong();
        admin().patch(
                        "/api/v1/tickets/" + right,
                        Map.of("assigneeId", first.get("id").asLong()));
        admin().patch("/api/v1/tickets/" + right, Map.of("status", "solved"));

        long handed = newTicket("Needed a specialist", unique("h") + "@rapport.test")
                .get("id")
                .asLong();
        admin().patch(
                        "/api/v1/tickets/" + handed,
                        Map.of("assigneeId", first.get("id").asLong()));
        admin().post(
                        "/api/v1/tickets/" + handed + "/escalations",
                        Map.of("toAgentId", specialist.get("id").asLong(), "note", "Chargebacks are theirs."));
        admin().patch("/api/v1/tickets/" + handed, Map.of("status", "solved"));

        var report = admin().get("/api/v1/reports/handoffs?groupBy=agent");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        report.json().get("rows").forEach(r -> rows.put(r.get("key").asString(), r));
        assertThat(rows.get(firstName).get("solved").asLong()).isEqualTo(1);
        assertThat(rows.get(firstName).get("rightFirstTime").asLong()).isEqualTo(1);
        assertThat(rows.get(firstName).get("hops").asLong()).isZero();
        assertThat(rows.get(specialistName).get("solved").asLong()).isEqualTo(1);
        assertThat(rows.get(specialistName).get("rightFirstTime").asLong())
                .as("not the first one given it")
                .isZero();
        assertThat(rows.get(specialistName).get("escalated").asLong()).isEqualTo(1);
        assertThat(rows.get(specialistName).get("averageHops").asDouble()).isEqualTo(1.0);

        assertThat(admin().get("/api/v1/reports/handoffs?groupBy=mood").status())
                .isEqualTo(400);
        assertThat(admin().get("/api/v1/reports/handoffs?from=yesterday").status())
                .isEqualTo(400);
        assertThat(admin().get("/api/v1/reports/handoffs?from=2026-12-31&to=2026-01-01")
                        .status())
                .isEqualTo(400);
        var asAgent = new io.rapport.support.Api(port).basic(first.get("email").asString(), "agent-password-1");
        assertThat(asAgent.get("/api/v1/reports/handoffs").status()).isEqualTo(403);
    }
}
