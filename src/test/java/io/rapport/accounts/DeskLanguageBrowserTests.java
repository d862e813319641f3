package io.rapport.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent chooses the desk's language on their profile: the desk speaks it to them whatever their browser says, in
 * every browser they sign in with, while a colleague's desk goes on in their own; "as my browser says" gives the
 * browser's language back. Three browser contexts, all with English browsers.
 */
@H2Database
class DeskLanguageBrowserTests extends BrowserTest {

    @Test
    void anAgentWhoChoosesGermanGetsTheDeskInGermanWhateverTheBrowserSays() {
        JsonNode agent = newAgent("agent");
        String email = agent.get("email").asString();
        signInAsAgent(page, email, "agent-password-1");
        page.click("[data-rapport=profile-link]");
        assertThat(page.locator("h1")).hasText("Your profile");
        assertThat(page.getByLabel("Language of the desk")).hasValue("");
        page.getByLabel("Language of the desk").selectOption("de");
        page.locator("[data-rapport=profile] button[type=submit]").click();
        assertThat(page.locator("[role=status]")).hasText("Gespeichert.");
        assertThat(page.locator("h1")).hasText("Ihr Profil");
        assertThat(page.getByLabel("Sprache des Desks")).hasValue("de");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        screenshot(page, "profile-language");

        try (BrowserContext elsewhere = newContext();
                BrowserContext colleague = newContext()) {
            Page second = elsewhere.newPage();
            signInAsAgent(second, email, "agent-password-1");
            second.navigate("/profile");
            // the choice goes with the agent, not the browser
            assertThat(second.locator("h1")).hasText("Ihr Profil");

            Page other = colleague.newPage();
            signInAsAgent(other, ADMIN_EMAIL, ADMIN_PASSWORD);
            other.navigate("/profile");
            // a colleague's desk is theirs
            assertThat(other.locator("h1")).hasText("Your profile");
        }

        page.getByLabel("Sprache des Desks").selectOption("");
        page.locator("[data-rapport=profile] button[type=submit]").click();
        // the browser's language again
        assertThat(page.locator("h1")).hasText("Your profile");
    }
}
