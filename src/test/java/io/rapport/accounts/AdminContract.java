package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import io.rapport.support.WebSession;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Admin work over the API (issue 8, point 7): token scopes and expiry, teams renamed, deactivated and staffed, agents
 * invited to choose their own password, and the audit log of all of it. Run on H2 and PostgreSQL.
 */
abstract class AdminContract extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long tickets() {
        return jdbc.sql("SELECT COUNT(*) FROM tkt_ticket").query(Long.class).single();
    }

    private Api bearer(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().bearer(created.json().get("secret").asString());
    }

    @Test
    void aTokenDoesOnlyWhatItsScopesAllow() {
        var reading = admin().post("/api/v1/tokens", Map.of("name", unique("reader"), "scopes", List.of("read")));
        Api reader = bearer(reading);
        assertThat(reading.json().get("token").get("scopes").toString()).isEqualTo("[\"read\"]");
        assertThat(reader.get("/api/v1/tickets").status()).isEqualTo(200);
        long before = tickets();
        var refused = reader.post(
                "/api/v1/tickets", Map.of("subject", "s", "body", "b", "customer", Map.of("email", "r@rapport.test")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("write scope");
        assertThat(tickets()).as("nothing written").isEqualTo(before);

        var byDefault = admin().post("/api/v1/tokens", Map.of("name", unique("writer")));
        Api writer = bearer(byDefault);
        assertThat(byDefault.json().get("token").get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(writer.post(
                                "/api/v1/tickets",
                                Map.of("subject", "s", "body", "b", "customer", Map.of("email", "w@rapport.test")))
                        .status())
                .isEqualTo(201);
        assertThat(writer.get("/api/v1/tokens").status())
                .as("an admin's token without the admin scope makes no admin calls")
                .isEqualTo(403);

        Api adminToken = bearer(
                admin().post("/api/v1/tokens", Map.of("name", unique("full"), "scopes", List.of("write", "admin"))));
        assertThat(adminToken.get("/api/v1/tokens").status()).isEqualTo(200);

        long agentId = newAgent("agent").get("id").asLong();
        var notAnAdmin =
                admin().post("/api/v1/tokens", Map.of("name", "x", "agentId", agentId, "scopes", List.of("admin")));
        assertThat(notAnAdmin.status()).isEqualTo(400);
        assertThat(notAnAdmin.json().get("detail").asString()).contains("scopes");
        assertThat(admin().post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("root")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTokenStopsWorkingAtItsExpiry() {
        var past = admin().post(
                        "/api/v1/tokens",
                        Map.of(
                                "name",
                                "old",
                                "expiresAt",
                                Instant.now().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("expiresAt");

        Instant soon = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var created = admin().post("/api/v1/tokens", Map.of("name", unique("brief"), "expiresAt", soon.toString()));
        Api brief = bearer(created);
        assertThat(Instant.parse(created.json().get("token").get("expiresAt").asString()))
                .isEqualTo(soon);
        assertThat(brief.get("/api/v1/tickets").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> brief.get("/api/v1/tickets").status() == 401);
    }

    @Test
    void teamsAreRenamedStaffedAndDeactivated() {
        var team = admin().post("/api/v1/teams", Map.of("name", unique("Billing")));
        long id = team.json().get("id").asLong();
        JsonNode agent = newAgent("agent");
        long agentId = agent.get("id").asLong();

        String renamed = unique("Payments");
        var changed = admin().patch("/api/v1/teams/" + id, Map.of("name", renamed, "replyAssigns", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo(renamed);
        assertThat(changed.json().get("replyAssigns").asBoolean()).isFalse();

        assertThat(admin().put("/api/v1/teams/" + id + "/members/" + agentId, Map.of())
                        .json()
                        .get("memberCount")
                        .asInt())
                .isEqualTo(1);
        assertThat(admin().get("/api/v1/agents/" + agentId)
                        .json()
                        .get("teamIds")
                        .toString())
                .contains(String.valueOf(id));
        assertThat(admin().put("/api/v1/teams/" + id + "/members/" + agentId, Map.of())
                        .json()
                        .get("memberCount")
                        .asInt())
                .as("adding twice changes nothing")
                .isEqualTo(1);

        long ticket = newTicket("Card blocked", unique("c") + "@rapport.test")
                .get("id")
                .asLong();
        assertThat(admin().patch("/api/v1/tickets/" + ticket, Map.of("teamId", id))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/teams/" + id, Map.of("active", false))
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        long other =
                newTicket("Card lost", unique("c") + "@rapport.test").get("id").asLong();
        var refused = admin().patch("/api/v1/tickets/" + other, Map.of("teamId", id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("teamId");
        assertThat(admin().get("/api/v1/tickets/" + ticket).json().get("teamId").asLong())
                .as("an inactive team keeps its tickets")
                .isEqualTo(id);

        assertThat(admin().delete("/api/v1/teams/" + id + "/members/" + agentId).status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/agents/" + agentId)
                        .json()
                        .get("teamIds")
                        .size())
                .isZero();

        Api asAgent = anonymous().basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.patch("/api/v1/teams/" + id, Map.of("name", "Mine")).status())
                .isEqualTo(403);
        assertThat(asAgent.put("/api/v1/teams/" + id + "/members/" + agentId, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(admin().patch("/api/v1/teams/" + id, Map.of("active", "no")).status())
                .isEqualTo(400);
        assertThat(admin().patch("/api/v1/teams/" + id, Map.of("name", "")).status())
                .isEqualTo(400);

        JsonNode log = admin().get("/api/v1/audit?kind=team&limit=200").json().get("items");
        List<String> mine = log.valueStream()
                .filter(e -> e.get("subjectId").asLong() == id)
                .map(e ->
                        e.get("action").asString() + ":" + e.get("subjectName").asString())
                .toList();
        assertThat(mine)
                .containsExactly(
                        "member removed:" + renamed,
                        "deactivated:" + renamed,
                        "member added:" + renamed,
                        "changed:" + renamed,
                        "changed:" + renamed,
                        "created:" + renamed);
        assertThat(asAgent.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(asAgent.post("/api/v1/agents/" + agentId + "/invite", Map.of())
                        .status())
                .as("only admins invite")
                .isEqualTo(403);

        // a ticket stays with its deactivated team through other changes; it takes no new ones (above)
        var stays = admin().patch("/api/v1/tickets/" + ticket, Map.of("teamId", id, "priority", "high"));
        assertThat(stays.status()).as(stays.toString()).isEqualTo(200);
    }

    @Test
    void anAgentAddedWithoutAPasswordChoosesTheirOwn() throws Exception {
        String email = unique("invited") + "@rapport.test";
        var created = admin().post("/api/v1/agents", Map.of("email", email, "name", "Ines Invited"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        String link = TestMail.inviteLink(email);
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
        var page = anonymous().get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ines Invited").contains(email);
        assertThat(anonymous().get(path).status())
                .as("opening the link twice spends nothing")
                .isEqualTo(200);

        // a second invitation replaces the first
        assertThat(admin().post("/api/v1/agents/" + id + "/invite", Map.of()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestMail.inviteLink(email).equals(link));
        assertThat(anonymous().get(path).status()).as("the older link").isEqualTo(410);

        String newer = TestMail.inviteLink(email);
        String newerPath =
                URI.create(newer).getRawPath() + "?" + URI.create(newer).getRawQuery();
        String token = URI.create(newer).getRawQuery().substring("token=".length());
        var web = new WebSession(port);
        web.get(newerPath);
        var mismatch =
                web.postForm("/invite", Map.of("token", token, "password", "chosen-password-1", "repeat", "other"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("passwords differ");
        var tooShort = web.postForm("/invite", Map.of("token", token, "password", "short", "repeat", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        var set = web.postForm(
                "/invite", Map.of("token", token, "password", "chosen-password-1", "repeat", "chosen-password-1"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).contains("/login?passwordSet");

        assertThat(anonymous()
                        .basic(email, "chosen-password-1")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(200);
        assertThat(anonymous().get(newerPath).status()).as("spent").isEqualTo(410);
        assertThat(web.postForm(
                                "/invite",
                                Map.of(
                                        "token",
                                        token,
                                        "password",
                                        "another-password-2",
                                        "repeat",
                                        "another-password-2"))
                        .statusCode())
                .as("a spent link sets nothing")
                .isEqualTo(410);
        assertThat(anonymous()
                        .basic(email, "another-password-2")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(401);

        List<String> actions = admin().get("/api/v1/audit?kind=agent&limit=200")
                .json()
                .get("items")
                .valueStream()
                .filter(e -> e.get("subjectId").asLong() == id)
                .map(e -> e.get("action").asString())
                .toList();
        assertThat(actions).containsExactly("set password", "invited", "invited", "created");

        // a password set by an admin ends a link still lying in the mailbox
        assertThat(admin().post("/api/v1/agents/" + id + "/invite", Map.of()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestMail.inviteLink(email).equals(newer));
        String waiting = TestMail.inviteLink(email);
        String waitingPath =
                URI.create(waiting).getRawPath() + "?" + URI.create(waiting).getRawQuery();
        assertThat(anonymous().get(waitingPath).status()).isEqualTo(200);
        assertThat(admin().patch("/api/v1/agents/" + id, Map.of("password", "admin-chosen-1"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous().get(waitingPath).status())
                .as("ended by the new password")
                .isEqualTo(410);
    }

    @Test
    void workingHoursAndChatCapacityAreSetByTheAgentOrAnAdmin() {
        JsonNode agent = newAgent("agent");
        long id = agent.get("id").asLong();
        assertThat(agent.get("chatCapacity").asInt()).isEqualTo(2);
        assertThat(agent.get("workingHours").isNull()).as("any time until set").isTrue();
        Api self = anonymous().basic(agent.get("email").asString(), "agent-password-1");
        var set = self.put(
                "/api/v1/agents/" + id + "/schedule",
                Map.of(
                        "chatCapacity",
                        3,
                        "workingHours",
                        Map.of(
                                "timezone",
                                "Europe/Berlin",
                                "hours",
                                Map.of("mon", List.of("09:00-12:00", "13:00-17:00")))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("chatCapacity").asInt()).isEqualTo(3);
        assertThat(set.json().get("workingHours").get("hours").get("mon").toString())
                .isEqualTo("[\"09:00-12:00\",\"13:00-17:00\"]");
        var badZone = self.put(
                "/api/v1/agents/" + id + "/schedule",
                Map.of(
                        "workingHours",
                        Map.of("timezone", "Mars/Olympus", "hours", Map.of("mon", List.of("09:00-17:00")))));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("detail").asString()).contains("workingHours.timezone");
        assertThat(self.put("/api/v1/agents/" + id + "/schedule", Map.of("chatCapacity", 25))
                        .status())
                .isEqualTo(400);
        long other = newAgent("agent").get("id").asLong();
        assertThat(self.put("/api/v1/agents/" + other + "/schedule", Map.of("chatCapacity", 1))
                        .status())
                .as("not someone else's")
                .isEqualTo(403);
        assertThat(admin().put("/api/v1/agents/" + other + "/schedule", Map.of("chatCapacity", 1))
                        .status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/agents/" + id)
                        .json()
                        .get("workingHours")
                        .get("timezone")
                        .asString())
                .isEqualTo("Europe/Berlin");
    }
}
