package io.rapport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.common.DeskClock;
import io.rapport.support.Api;
import io.rapport.support.TestDatabases;
import io.rapport.support.TestNodes;
import io.rapport.tickets.Channel;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SLA timers are database-backed jobs (issue 9, point 5; ADR 25): two nodes on one PostgreSQL database record each
 * breach once, and a node stopped while a target runs loses nothing, the next node to start records it.
 */
class SlaTimersIntegrationTests {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private String database;

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    @Test
    void twoNodesRecordEachBreachOnce() throws Exception {
        database = TestDatabases.newPostgresDatabase();
        ConfigurableApplicationContext a = node();
        ConfigurableApplicationContext b = node();
        policy(a, 60);
        JdbcClient db = a.getBean(JdbcClient.class);
        Instant now = Instant.now();
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ConfigurableApplicationContext on = i % 2 == 0 ? a : b;
            // opened between 61 and 84 minutes ago: each first response is late already
            late.add(open(on, now.minus(Duration.ofMinutes(61 + i))));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(db.sql("SELECT COUNT(DISTINCT ticket_id) FROM sla_breach")
                                .query(Long.class)
                                .single())
                        .isEqualTo(late.size()));
        Thread.sleep(2_000); // both nodes keep looking: nothing more may be recorded
        for (long id : late) {
            assertThat(db.sql("SELECT COUNT(*) FROM sla_breach WHERE ticket_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .as("ticket %d breached once", id)
                    .isEqualTo(1);
        }
    }

    @Test
    void aTimerRunningWhenTheNodeStopsFiresOnTheNextNode() throws Exception {
        database = TestDatabases.newPostgresDatabase();
        ConfigurableApplicationContext a = node();
        policy(a, 1);
        JdbcClient db = a.getBean(JdbcClient.class);
        // opened 50 seconds ago with one minute for the first response: due in about ten seconds
        long id = open(a, Instant.now().minusSeconds(50));
        Instant due = db.sql("SELECT first_response_due_at FROM sla_ticket WHERE ticket_id = ?")
                .param(id)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(due).isAfter(Instant.now());
        a.close();
        nodes.remove(a);

        // the due time passes while no node runs
        long wait = Duration.between(Instant.now(), due).toMillis() + 1_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        ConfigurableApplicationContext b = node();
        JdbcClient onB = b.getBean(JdbcClient.class);
        assertThat(onB.sql("SELECT COUNT(*) FROM sla_ticket WHERE ticket_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(onB.sql("SELECT target FROM sla_breach WHERE ticket_id = ?")
                                .param(id)
                                .query(String.class)
                                .list())
                        .containsExactly("first_response"));
    }

    private static void policy(ConfigurableApplicationContext node, int firstResponseMinutes) {
        var r = api(node)
                .post(
                        "/api/v1/sla-policies",
                        Map.of(
                                "name",
                                "Cluster",
                                "firstResponseMinutes",
                                firstResponseMinutes,
                                "solutionMinutes",
                                600));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** A ticket opened at {@code at} (in the past) on the node, as if it had come then. */
    private static long open(ConfigurableApplicationContext node, Instant at) {
        Tickets tickets = node.getBean(Tickets.class);
        return node.getBean(DeskClock.class)
                .replay(
                        at,
                        () -> tickets.open(new OpenTicket(
                                        "Card declined",
                                        "Declined again.",
                                        null,
                                        "cluster-" + UUID.randomUUID() + "@example.com",
                                        null,
                                        Channel.EMAIL,
                                        Priority.NORMAL,
                                        Set.of(),
                                        List.of(),
                                        null))
                                .id());
    }

    private ConfigurableApplicationContext node() {
        ConfigurableApplicationContext node = TestNodes.start(
                database, Map.of("rapport.jobs.polling-interval", "200ms", "rapport.sla.check", "200ms"));
        nodes.add(node);
        return node;
    }

    private static Api api(ConfigurableApplicationContext node) {
        return TestNodes.admin(node);
    }
}
