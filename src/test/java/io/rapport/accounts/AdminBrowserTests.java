package io.rapport.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An admin runs the desk: teams, agents with skills and languages, API tokens shown once and revoked. */
@H2Database
class AdminBrowserTests extends BrowserTest {

    @Test
    void adminAddsATeamAndAnAgentWithSkills() {
        String team = "Team " + UUID.randomUUID().toString().substring(0, 6);
        String email = "new-" + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test";
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/teams");
        page.fill("#team-name", team);
        page.click("button:has-text('Add a team')");
        assertThat(page.locator("h1")).hasText(team);

        page.navigate("/admin/agents");
        page.fill("#name", "Nina New");
        page.fill("#email", email);
        page.fill("#password", "a-long-password");
        page.selectOption("#role", "supervisor");
        page.getByLabel(team).check();
        page.fill("#skills", "billing:4, cards:2");
        page.fill("#languages", "de:native, en:fluent");
        page.click("[data-rapport=new-agent] button[type=submit]");
        assertThat(page.locator(".alert.success")).containsText("Nina New");
        assertThat(page.locator("tr:has-text('Nina New')")).containsText(team);
        screenshot("admin-agents");

        JsonNode agent = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .valueStream()
                .filter(a -> a.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(agent.get("role").asString()).isEqualTo("supervisor");
        assertThat(agent.get("skills").toString()).contains("billing").contains("cards");
        assertThat(agent.get("languages").get(0).get("code").asString()).isEqualTo("de");
        assertThat(agent.get("teamIds").size()).isEqualTo(1);

        // working hours and chat capacity on the agent's page
        page.navigate("/admin/agents/" + agent.get("id").asLong());
        page.fill("#timezone", "Europe/Berlin");
        page.fill("#hours-mon", "09:00-12:00, 13:00-17:00");
        page.fill("#hours-fri", "09:00-15:00");
        page.fill("#chatCapacity", "3");
        page.click("[data-rapport=schedule] button[type=submit]");
        assertThat(page.locator("[role=status]")).containsText("Saved.");
        assertThat(page.locator("#hours-mon")).hasValue("09:00-12:00, 13:00-17:00");
        screenshot("admin-agent");
        JsonNode scheduled =
                admin().get("/api/v1/agents/" + agent.get("id").asLong()).json();
        assertThat(scheduled.get("chatCapacity").asInt()).isEqualTo(3);
        assertThat(scheduled.get("workingHours").get("hours").get("fri").get(0).asString())
                .isEqualTo("09:00-15:00");
        page.fill("#hours-tue", "late");
        page.click("[data-rapport=schedule] button[type=submit]");
        assertThat(page.locator(".alert.error")).isVisible();
    }

    @Test
    void badAgentInputSaysWhatIsWrong() {
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/agents");
        page.fill("#name", "Bad Skills");
        page.fill("#email", "bad-" + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test");
        page.fill("#password", "a-long-password");
        page.fill("#skills", "billing:nine");
        page.click("[data-rapport=new-agent] button[type=submit]");
        assertThat(page.locator(".alert.error")).containsText("skills");
    }

    @Test
    void tokenIsShownOnceWorksAndIsRevoked() {
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/tokens");
        page.fill("#token-name", "zapier");
        page.click("button:has-text('Create a token')");
        String secret =
                page.locator("[data-rapport=token-secret]").textContent().strip();
        assertThat(secret).startsWith("rpt_");
        assertThat(anonymous().bearer(secret).get("/api/v1/tickets").status()).isEqualTo(200);
        screenshot("admin-tokens");

        page.reload();
        assertThat(page.locator("[data-rapport=token-secret]")).hasCount(0);
        // without the box ticked (as a form sent by hand), nothing is revoked
        io.rapport.support.WebSession web = io.rapport.support.WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        web.get("/admin/tokens");
        String revoke = page.locator("tr:has-text('zapier') [data-rapport=revoke-token]")
                .first()
                .getAttribute("action");
        assertThat(web.postForm(revoke, java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(anonymous().bearer(secret).get("/api/v1/tickets").status()).isEqualTo(200);
        page.locator("tr:has-text('zapier') [data-rapport=revoke-token] input[name=confirm]")
                .first()
                .check();
        page.locator("tr:has-text('zapier') button:has-text('Revoke')").first().click();
        assertThat(page.locator("tr:has-text('zapier')").first()).containsText("Revoked");
        assertThat(anonymous().bearer(secret).get("/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void anInvitedAgentChoosesTheirPasswordAndSignsIn() {
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test";
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/agents");
        page.fill("#name", "Iris Invited");
        page.fill("#email", email);
        page.click("[data-rapport=new-agent] button[type=submit]");
        assertThat(page.locator(".alert.success")).containsText("An invitation to choose a password went to " + email);
        assertThat(page.locator("tr:has-text('Iris Invited')")).containsText("invited, no password yet");

        String link = io.rapport.support.TestMail.inviteLink(email);
        try (var invitee = newContext()) {
            var other = invitee.newPage();
            other.navigate(link.substring(link.indexOf("/invite")));
            assertThat(other.locator("h1")).hasText("Welcome, Iris Invited");
            other.fill("#password", "chosen-password-1");
            other.fill("#repeat", "chosen-password-2");
            other.click("button:has-text('Set password')");
            assertThat(other.locator(".alert.error")).containsText("The two passwords differ");
            other.fill("#password", "chosen-password-1");
            other.fill("#repeat", "chosen-password-1");
            screenshot(other, "invite");
            other.click("button:has-text('Set password')");
            assertThat(other.locator(".alert.success")).containsText("Your password is set");
            other.fill("#username", email);
            other.fill("#password", "chosen-password-1");
            other.click("button:has-text('Sign in')");
            assertThat(other.locator("header")).containsText("Iris Invited");
            other.navigate(link.substring(link.indexOf("/invite")));
            assertThat(other.locator("h1")).hasText("This link no longer works");
        }
        page.reload();
        assertThat(page.locator("tr:has-text('Iris Invited')")).not().containsText("invited, no password yet");
    }

    @Test
    void aTeamIsRenamedStaffedAndDeactivatedOnItsPage() {
        String team = "Squad " + UUID.randomUUID().toString().substring(0, 6);
        JsonNode agent = newAgent("agent");
        String name = agent.get("name").asString();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/teams");
        page.fill("#team-name", team);
        page.click("button:has-text('Add a team')");
        assertThat(page.locator("h1")).hasText(team);
        assertThat(page.getByText("Nobody is in this team yet.")).isVisible();

        page.selectOption("#member", String.valueOf(agent.get("id").asLong()));
        page.click("[data-rapport=add-member] button");
        assertThat(page.locator("table.grid")).containsText(agent.get("email").asString());

        page.fill("#team-name", team + " Renamed");
        page.getByLabel("Active: takes new tickets").uncheck();
        page.click("[data-rapport=team] button:has-text('Save')");
        assertThat(page.locator("[role=status]")).containsText("Saved.");
        assertThat(page.locator("h1")).hasText(team + " Renamed");
        assertThat(page.getByText("Inactive: the team takes no new tickets")).isVisible();
        assertThat(page.locator("ul.plain")).containsText("deactivated team " + team + " Renamed");
        assertThat(page.locator("ul.plain")).containsText("changed the name of team " + team + " Renamed: " + team);
        screenshot("admin-team");

        page.navigate("/tickets/new");
        assertThat(page.locator("#teamId")).not().containsText(team);

        page.navigate("/admin/audit?kind=team");
        assertThat(page.locator("[data-rapport=audit]")).containsText("added " + name + " to team " + team);
        screenshot("admin-audit");
    }

    @Test
    void aTokenLimitedToReadingAndADayStaysThatWay() {
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/tokens");
        page.fill("#token-name", "dashboard");
        page.getByLabel("write: change things").uncheck();
        page.fill("#expires", java.time.LocalDate.now().plusDays(30).toString());
        page.click("button:has-text('Create a token')");
        String secret =
                page.locator("[data-rapport=token-secret]").textContent().strip();
        assertThat(page.locator("tr:has-text('dashboard')").first()).containsText("read");
        assertThat(page.locator("tr:has-text('dashboard')").first()).containsText("until");
        assertThat(page.locator("tr:has-text('dashboard')").first()).not().containsText("write");
        var reader = anonymous().bearer(secret);
        assertThat(reader.get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/teams", java.util.Map.of("name", "nope"))
                        .status())
                .isEqualTo(403);

        page.fill("#token-name", "yesterday");
        page.fill("#expires", java.time.LocalDate.now().minusDays(1).toString());
        page.click("button:has-text('Create a token')");
        assertThat(page.locator(".alert.error")).containsText("last day");
    }
}
