package io.rapport.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.support.H2Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A ticket nobody fits waits, and goes to the first who fits when they come online. In a database of its own: in the
 * one other tests share, every ticket they left unassigned waits too, and whoever comes online rightly gets the oldest
 * of those first.
 */
@H2Database
@TestPropertySource(properties = "rapport.test.database=routing-wait")
class RoutingWaitIntegrationTests extends RoutingContract {

    @Test
    void whenNobodyFitsTheTicketWaitsAndIsAssignedOnceSomeoneFitsComesOnline() {
        String skill = unique("payroll");
        rule(skill, 2, List.of(skill));
        JsonNode later = agent("Lena Later", skill, 3, List.of(Map.of("code", "en", "level", "native")), 1, 10);

        long id = ticket("About " + skill, "Question about " + skill + " for my company, please call back.")
                .get("id")
                .asLong();
        JsonNode routing = admin().get("/api/v1/tickets/" + id + "/routing").json();
        assertThat(routing.get("outcome").asString()).isEqualTo("waiting");
        assertThat(routing.get("assigneeId").isNull()).isTrue();
        assertThat(strings(routing.get("reasons"))).anyMatch(r -> r.startsWith("nobody"));

        online(later);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin().get("/api/v1/tickets/" + id)
                                .json()
                                .get("assigneeId")
                                .asLong())
                        .isEqualTo(later.get("id").asLong()));
        assertThat(admin().get("/api/v1/tickets/" + id + "/routing")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("assigned");
    }
}
