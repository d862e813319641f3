package io.rapport.sla;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.common.DeskClock;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * "My work" (issue 9, point 6): an agent sees their own open tickets with the next target of each, the late one first,
 * and nobody else's; two agents side by side, each in their own browser.
 */
@H2Database
class MyTargetsBrowserTests extends BrowserTest {

    @Autowired
    DeskClock clock;

    @Autowired
    Tickets tickets;

    private JsonNode agent(String name) {
        return admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                "w-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1",
                                "role",
                                "agent",
                                "capacity",
                                10))
                .json();
    }

    private long open(String subject, String email, Instant at) {
        return clock.replay(
                at,
                () -> tickets.open(new OpenTicket(
                                subject,
                                "Please help.",
                                null,
                                email,
                                null,
                                Channel.EMAIL,
                                Priority.NORMAL,
                                Set.of(),
                                List.of(),
                                null))
                        .id());
    }

    @Test
    void anAgentSeesTheirOwnQueueWithTheLateTicketFirst() {
        String domain = "work-" + UUID.randomUUID().toString().substring(0, 6) + ".example.org";
        long org = admin().post("/api/v1/organizations", Map.of("name", "Work " + domain, "domains", List.of(domain)))
                .json()
                .get("id")
                .asLong();
        long policy = admin().post(
                        "/api/v1/sla-policies",
                        Map.of(
                                "name",
                                "Work " + domain,
                                "organizationId",
                                org,
                                "firstResponseMinutes",
                                60,
                                "solutionMinutes",
                                480))
                .json()
                .get("id")
                .asLong();
        JsonNode wanda = agent("Wanda Work");
        JsonNode otto = agent("Otto Other");
        Instant now = Instant.now();
        long soon = open("Due soon", "soon@" + domain, now.minus(Duration.ofMinutes(20)));
        long late = open("Already late", "late@" + domain, now.minus(Duration.ofMinutes(75)));
        long none = open("No policy here", "free-" + UUID.randomUUID() + "@elsewhere.example.net", now);
        long others = open("Otto's own", "otto@" + domain, now);
        for (long id : List.of(soon, late, none)) {
            admin().patch(
                            "/api/v1/tickets/" + id,
                            Map.of("assigneeId", wanda.get("id").asLong()));
        }
        admin().patch(
                        "/api/v1/tickets/" + others,
                        Map.of("assigneeId", otto.get("id").asLong()));

        try {
            signInAsAgent(page, wanda.get("email").asString(), "agent-password-1");
            page.navigate("/my-targets");
            var rows = page.locator("[data-rapport=my-targets] tbody tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(0)).containsText("Already late");
            assertThat(rows.nth(0)).containsText("overdue by 15 min");
            assertThat(rows.nth(1)).containsText("Due soon");
            assertThat(rows.nth(1)).containsText("first response");
            assertThat(rows.nth(2)).containsText("no target");
            assertThat(page.locator("[data-rapport=my-load]")).containsText("3 open of 10");
            assertThat(page.locator("[data-rapport=my-load]")).containsText("1 late");
            assertThat(page.locator("main")).not().containsText("Otto's own");
            screenshot(page, "my-targets");

            try (BrowserContext ottoContext = newContext()) {
                Page ottoPage = ottoContext.newPage();
                signInAsAgent(ottoPage, otto.get("email").asString(), "agent-password-1");
                ottoPage.navigate("/my-targets");
                assertThat(ottoPage.locator("[data-rapport=my-targets] tbody tr"))
                        .hasCount(1);
                assertThat(ottoPage.locator("main")).containsText("Otto's own");
                assertThat(ottoPage.locator("main")).not().containsText("Already late");
            }
            // the late ticket gets its answer: it leaves the top
            admin().post("/api/v1/tickets/" + late + "/messages", Map.of("body", "Sorted, sorry for the wait."));
            page.reload();
            assertThat(rows.nth(0)).containsText("Due soon");
        } finally {
            admin().post("/api/v1/sla-policies/" + policy + "/deactivate", Map.of());
        }
    }
}
