package io.rapport.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Presence that means something (issue 9, point 1): the agent sets it in the header, it turns to away after ten minutes
 * without activity and back on the next one, signing out makes it offline, and supervisors see it with each agent's
 * load.
 */
@H2Database
class PresenceBrowserTests extends BrowserTest {

    private JsonNode agent(String name, String role) {
        return admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                "p-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test",
                                "name",
                                name,
                                "password",
                                "agent-password-1",
                                "role",
                                role))
                .json();
    }

    private String presenceOf(JsonNode agent) {
        return admin().get("/api/v1/agents/" + agent.get("id").asLong())
                .json()
                .get("presence")
                .asString();
    }

    @Test
    void anAgentsStatusIsSetInTheHeaderGoesAwayWhenIdleAndOfflineAtSignOut() {
        String name = "Pia Present " + UUID.randomUUID().toString().substring(0, 4);
        JsonNode pia = agent(name, "agent");
        JsonNode lead = agent("Sam Supervisor", "supervisor");
        page.clock().install();
        signInAsAgent(page, pia.get("email").asString(), "agent-password-1");
        page.selectOption("[data-rapport=my-presence]", "online");
        org.awaitility.Awaitility.await().until(() -> presenceOf(pia).equals("online"));

        try (BrowserContext leadContext = newContext()) {
            Page leadPage = leadContext.newPage();
            signInAsAgent(leadPage, lead.get("email").asString(), "agent-password-1");
            leadPage.navigate("/team-load");
            assertThat(leadPage.locator("[data-rapport=agent-load] tr:has-text('" + name + "')"))
                    .containsText("Online");
            screenshot(leadPage, "team-load");

            page.clock().runFor(11 * 60 * 1000); // ten minutes without a key or a click
            org.awaitility.Awaitility.await().until(() -> presenceOf(pia).equals("away"));
            assertThat(page.locator("[data-rapport=my-presence]")).hasValue("away");
            leadPage.reload();
            assertThat(leadPage.locator("[data-rapport=agent-load] tr:has-text('" + name + "')"))
                    .containsText("Away");

            page.mouse().move(200, 200);
            page.keyboard().press("Shift");
            org.awaitility.Awaitility.await().until(() -> presenceOf(pia).equals("online"));

            page.selectOption("[data-rapport=my-presence]", "away");
            org.awaitility.Awaitility.await().until(() -> presenceOf(pia).equals("away"));
            page.keyboard().press("Shift");
            page.clock().runFor(60 * 1000);
            assertThat(presenceOf(pia))
                    .as("chosen by hand: activity does not undo it")
                    .isEqualTo("away");

            page.click("form[action='/logout'] button");
            page.waitForURL("**/login?signedOut");
            assertThat(presenceOf(pia)).isEqualTo("offline");
        }

        assertThat(new io.rapport.support.WebSession(port).get("/team-load").statusCode())
                .isEqualTo(302);
        var plainAgent =
                io.rapport.support.WebSession.agent(port, pia.get("email").asString(), "agent-password-1");
        assertThat(plainAgent.get("/team-load").statusCode())
                .as("supervisors and admins only")
                .isEqualTo(403);
    }
}
