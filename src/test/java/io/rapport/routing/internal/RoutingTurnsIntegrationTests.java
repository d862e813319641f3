package io.rapport.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import io.rapport.support.PostgresDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Round robin remembers when each agent last got a ticket. Tickets routed to one agent at the same moment must all be
 * noted: one that failed on the first note's row was left waiting (seen in CI as a ticket not assigned at once).
 */
@PostgresDatabase
class RoutingTurnsIntegrationTests extends IntegrationTest {

    @Autowired
    Decisions decisions;

    @Test
    void ticketsGivenToOneAgentAtTheSameMomentAreAllNoted() throws Exception {
        long agentId = newAgent("agent").get("id").asLong();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Instant when = at.plusSeconds(i);
                done.add(pool.submit((Callable<Object>) () -> {
                    decisions.gaveTo(agentId, when);
                    return null;
                }));
            }
            for (Future<Object> f : done) {
                f.get(); // none throws
            }
        } finally {
            pool.shutdown();
        }
        assertThat(decisions.turns()).containsKey(agentId);
    }
}
