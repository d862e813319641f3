package io.rapport.routing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin writes a skill rule and sets a team to take tickets from its queue on the routing page; an agent opening
 * a routed ticket sees who routing chose and why. Two browser contexts: the admin's and the agent's. In an application
 * of its own, like {@link RoutingContract}: the agent who comes online must not be filled by other tests' waiting
 * tickets.
 */
@H2Database
@org.springframework.test.context.TestPropertySource(properties = "rapport.test.application=routing-browser")
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class RoutingBrowserTests extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.rapport.accounts.Agents agents;

    @Test
    void anAdminWritesARuleAndAnAgentSeesWhyTheTicketCameToThem() {
        String skill = "refunds-" + UUID.randomUUID().toString().substring(0, 6);
        String email = "r-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        JsonNode agent = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                email,
                                "name",
                                "Rita Refunds",
                                "password",
                                "agent-password-1",
                                "role",
                                "agent",
                                "languages",
                                List.of(Map.of("code", "fr", "level", "native")),
                                "skills",
                                List.of(Map.of("name", skill, "level", 4)),
                                "capacity",
                                1000))
                .json();
        long agentId = agent.get("id").asLong();
        String team = "Returns " + UUID.randomUUID().toString().substring(0, 4);
        admin().post("/api/v1/teams", Map.of("name", team));

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/routing");
        page.getByLabel("Skill", new Page.GetByLabelOptions().setExact(true)).fill(skill);
        page.getByLabel("Level at least").selectOption("3");
        page.getByLabel("Words in the message").fill("remboursement, refund");
        page.getByLabel("Words in the message").press("Enter");
        assertThat(page.locator("[role=status]")).containsText("Rule added.");
        assertThat(page.locator("[data-rapport=rules]")).containsText(skill);
        assertThat(page.locator("[data-rapport=rules]")).containsText("remboursement, refund");

        page.locator("[data-rapport=team-settings] li:has-text('" + team + "') select")
                .selectOption("queue");
        page.locator("[data-rapport=team-settings] li:has-text('" + team + "') button")
                .click();
        assertThat(page.locator("[role=status]")).containsText("Setting saved.");
        assertThat(page.locator("[data-rapport=team-settings] li:has-text('" + team + "') select"))
                .hasValue("queue");
        screenshot(page, "admin-routing");

        // a bad rule comes back with its error and what was typed
        page.getByLabel("Skill", new Page.GetByLabelOptions().setExact(true)).fill("nothing-to-match");
        page.locator("[data-rapport=add-rule] button[type=submit]").click();
        assertThat(page.locator("[role=alert]")).containsText("at least one condition");
        assertThat(page.getByLabel("Skill", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("nothing-to-match");

        // the customer's organization has an SLA policy: its targets show beside the routing
        String domain = "shop-" + UUID.randomUUID().toString().substring(0, 6) + ".example.org";
        long org = admin().post("/api/v1/organizations", Map.of("name", "Shop " + domain, "domains", List.of(domain)))
                .json()
                .get("id")
                .asLong();
        long policy = admin().post(
                        "/api/v1/sla-policies",
                        Map.of(
                                "name",
                                "Shop standard",
                                "organizationId",
                                org,
                                "firstResponseMinutes",
                                120,
                                "solutionMinutes",
                                1440))
                .json()
                .get("id")
                .asLong();
        admin().put("/api/v1/agents/" + agentId + "/presence", Map.of("status", "online"));
        try {
            JsonNode ticket = admin().post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject", "Remboursement",
                                    "body",
                                            "Bonjour, je voudrais un remboursement pour ma commande annulée la semaine dernière.",
                                    "customer", Map.of("email", "client@" + domain)))
                    .json();
            assertThat(ticket.get("language").asString()).isEqualTo("fr");
            long number = ticket.get("number").asLong();
            assertThat(admin().get("/api/v1/tickets/" + ticket.get("id").asLong())
                            .json()
                            .get("assigneeId")
                            .asLong())
                    .isEqualTo(agentId);

            try (BrowserContext agentContext = newContext()) {
                Page rita = agentContext.newPage();
                signInAsAgent(rita, email, "agent-password-1");
                rita.navigate("/tickets/" + number);
                var panel = rita.locator("[data-rapport=routing]");
                assertThat(panel).containsText("Assigned to Rita Refunds");
                panel.locator("summary").click();
                assertThat(panel).containsText("the customer writes in French");
                assertThat(panel).containsText("speaks French natively");
                assertThat(panel).containsText("needs " + skill + " at level 3 or above (rules)");
                var targets = rita.locator("[data-rapport=sla]");
                assertThat(targets).containsText("Targets: Shop standard");
                assertThat(targets).containsText("First response due in 1 h 59 min");
                screenshot(rita, "ticket-routing");

                // Rita, reading in German, gets the same reasons in German, a language as they name it
                agents.setDeskLanguage(agentId, "de", io.rapport.accounts.Actor.system());
                rita.reload();
                var inGerman = rita.locator("[data-rapport=routing]");
                assertThat(inGerman).containsText("Zugewiesen an Rita Refunds");
                inGerman.locator("summary").click();
                assertThat(inGerman).containsText("die Kundschaft schreibt auf Französisch");
                assertThat(inGerman).containsText("spricht Französisch als Muttersprache");
                assertThat(inGerman).containsText("braucht " + skill + " ab Stufe 3 (Regeln)");
                screenshot(rita, "ticket-routing-de");
                agents.setDeskLanguage(agentId, "", io.rapport.accounts.Actor.system());
            }
        } finally {
            admin().put("/api/v1/agents/" + agentId + "/presence", Map.of("status", "offline"));
            admin().post("/api/v1/sla-policies/" + policy + "/deactivate", Map.of());
        }
        page.navigate("/admin/routing");
        page.locator("[data-rapport=rules] tr:has-text('" + skill + "') button").click();
        assertThat(page.locator("[role=status]")).containsText("Rule removed.");
        assertThat(page.locator("main")).not().containsText(skill);
    }
}
