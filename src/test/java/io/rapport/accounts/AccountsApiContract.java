package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The agent, sign-in and API token calls of CONTRACT.md, black-box over HTTP; run on H2 and PostgreSQL. */
abstract class AccountsApiContract extends IntegrationTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOne() {
        JsonNode agent = newAgent("agent");
        long id = agent.get("id").asLong();
        Api self = anonymous().basic(agent.get("email").asString(), "agent-password-1");
        var without = self.patch("/api/v1/agents/" + id, Map.of("password", "another-password-2"));
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().get("detail").asString()).contains("currentPassword");
        var with = self.patch(
                "/api/v1/agents/" + id,
                Map.of("password", "another-password-2", "currentPassword", "agent-password-1"));
        assertThat(with.status()).isEqualTo(200);
        assertThat(anonymous()
                        .basic(agent.get("email").asString(), "another-password-2")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(200);
        var selfDemote = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .valueStream()
                .filter(a -> a.get("email").asString().equals(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        assertThat(admin().patch("/api/v1/agents/" + selfDemote.get("id").asLong(), Map.of("role", "agent"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void signInIsRequiredAndRolesAreEnforced() {
        var anon = anonymous().get("/api/v1/tickets");
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.contentType()).startsWith("application/problem+json");

        var wrong = anonymous().basic(ADMIN_EMAIL, "not-the-password").get("/api/v1/tickets");
        assertThat(wrong.status()).isEqualTo(401);

        JsonNode agent = newAgent("agent");
        Api asAgent = anonymous().basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.get("/api/v1/tickets").status()).isEqualTo(200);
        var forbidden = asAgent.post(
                "/api/v1/agents",
                Map.of("email", unique("x") + "@rapport.test", "name", "X", "password", "long-enough-1"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(asAgent.get("/api/v1/tokens").status()).isEqualTo(403);
    }

    @Test
    void repeatedFailedSignInsBackOff() {
        JsonNode agent = newAgent("agent");
        String email = agent.get("email").asString();
        Api wrong = anonymous().basic(email, "wrong-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/tickets").status()).isEqualTo(401);
        }
        assertThat(wrong.get("/api/v1/tickets").status()).isEqualTo(401);
        var throttled = anonymous().basic(email, "agent-password-1").get("/api/v1/tickets");
        assertThat(throttled.status())
                .as("even the right password waits during back-off")
                .isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.contentType()).startsWith("application/problem+json");
    }

    @Test
    void apiTokensAreCreatedUsedAndRevoked() {
        var created = admin().post("/api/v1/tokens", Map.of("name", "integration"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("rpt_");
        long id = created.json().get("token").get("id").asLong();

        Api withToken = anonymous().bearer(secret);
        assertThat(withToken.get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/tokens").body()).doesNotContain(secret);

        assertThat(admin().delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        var revoked = withToken.get("/api/v1/tickets");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(anonymous().bearer("rpt_made-up").get("/api/v1/tickets").status())
                .isEqualTo(401);
    }

    @Test
    void aTokenFollowsItsAgentsRoleAndActiveFlagAtOnce() {
        long agentId = newAgent("admin").get("id").asLong();
        var created = admin().post(
                        "/api/v1/tokens",
                        Map.of("name", "follows", "agentId", agentId, "scopes", List.of("write", "admin")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api withToken = anonymous().bearer(created.json().get("secret").asString());
        assertThat(withToken.get("/api/v1/tokens").status()).as("admin call").isEqualTo(200);

        assertThat(admin().patch("/api/v1/agents/" + agentId, Map.of("role", "agent"))
                        .status())
                .isEqualTo(200);
        assertThat(withToken.get("/api/v1/tokens").status())
                .as("demoted: no admin calls, even though the token was checked a moment ago")
                .isEqualTo(403);
        assertThat(withToken.get("/api/v1/tickets").status()).isEqualTo(200);

        assertThat(admin().patch("/api/v1/agents/" + agentId, Map.of("active", false))
                        .status())
                .isEqualTo(200);
        assertThat(withToken.get("/api/v1/tickets").status())
                .as("deactivated agent")
                .isEqualTo(401);
    }

    @Test
    void aTokenRevokedWhileItIsBeingCheckedIsNotRemembered() throws Exception {
        var created = admin().post("/api/v1/tokens", Map.of("name", "race"));
        String secret = created.json().get("secret").asString();
        long id = created.json().get("token").get("id").asLong();
        var checker = Executors.newSingleThreadExecutor();
        try {
            var check = new AtomicReference<Future<?>>();
            transactions.executeWithoutResult(tx -> {
                tokens.revoke(id, Actor.system()); // holds the row lock until commit
                // reads the still-live row, then waits on the lock to note its first use
                check.set(checker.submit(() -> tokens.authenticate(secret)));
                assertThat(waitUntilASessionWaitsOnALock())
                        .as("the check read the row and now waits on the revoke's lock")
                        .isTrue();
            });
            check.get().get(20, TimeUnit.SECONDS);
        } finally {
            checker.shutdownNow();
        }
        assertThat(tokens.authenticate(secret))
                .as("not remembered from the overlapping check")
                .isEmpty();
        assertThat(anonymous().bearer(secret).get("/api/v1/tickets").status()).isEqualTo(401);
    }

    /** True once another session of this database waits on a row lock (the race the test needs), within 10 s. */
    private boolean waitUntilASessionWaitsOnALock() {
        String waiting = isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(waiting) > 0);
        return true;
    }

    private boolean isPostgres() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void agentsAreCreatedWithoutExposingPasswords() {
        JsonNode agent = newAgent("supervisor");
        assertThat(agent.toString()).doesNotContain("password");
        assertThat(agent.get("role").asString()).isEqualTo("supervisor");
        assertThat(agent.get("tier").asInt()).isEqualTo(2);
        assertThat(agent.get("capacity").asInt()).isEqualTo(7);
        assertThat(agent.get("skills").get(0).get("name").asString()).isEqualTo("billing");
        assertThat(agent.get("languages").get(0).get("code").asString()).isEqualTo("de");
        long id = agent.get("id").asLong();

        var presence = admin().put("/api/v1/agents/" + id + "/presence", Map.of("status", "online"));
        assertThat(presence.status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/agents/" + id).json().get("presence").asString())
                .isEqualTo("online");
        assertThat(admin().put("/api/v1/agents/" + id + "/presence", Map.of("status", "busy"))
                        .status())
                .isEqualTo(400);

        var patched = admin().patch("/api/v1/agents/" + id, Map.of("name", "Renamed", "capacity", 3));
        assertThat(patched.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(admin().get("/api/v1/agents").json().get("items").size()).isGreaterThanOrEqualTo(2);

        var duplicate = admin().post(
                        "/api/v1/agents",
                        Map.of("email", agent.get("email").asString(), "name", "X", "password", "long-enough-1"));
        assertThat(duplicate.status()).isEqualTo(409);
        var shortPassword = admin().post(
                        "/api/v1/agents",
                        Map.of("email", unique("p") + "@rapport.test", "name", "X", "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("detail").asString()).contains("password");
    }
}
