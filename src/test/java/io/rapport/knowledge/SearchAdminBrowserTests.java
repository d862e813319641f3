package io.rapport.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin's search index page (ADR 26): the index's size and state, a rebuild that leaves every ticket findable,
 * and a second admin watching the same page meanwhile.
 */
@H2Database
class SearchAdminBrowserTests extends BrowserTest {

    @Test
    void anAdminRebuildsTheIndexAndEveryTicketIsStillFound() {
        String w = "qa" + UUID.randomUUID().toString().substring(0, 6);
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Rebuild check " + w,
                                "body",
                                "Find me after " + w,
                                "customer",
                                Map.of("email", w + "@example.org")));

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/search");
        assertThat(page.locator("[data-rapport=index-status]")).isVisible();
        assertThat(page.locator("[data-rapport=index-behind]")).hasText("0");
        page.locator("[data-rapport=index-rebuild]").click();
        assertThat(page.locator("[role=status]")).containsText("rebuilt");
        assertThat(page.locator("[data-rapport=index-rebuild]")).isVisible(); // done: the button is back
        screenshot(page, "admin-search");

        try (BrowserContext other = newContext()) {
            Page second = other.newPage();
            signInAsAgent(second, ADMIN_EMAIL, ADMIN_PASSWORD);
            second.navigate("/search?q=" + w);
            assertThat(second.locator("[data-rapport=search-hit][data-type=ticket]"))
                    .containsText("Rebuild check");
            second.navigate("/admin/search");
            assertThat(second.locator("[data-rapport=index-documents]")).not().hasText("0");
        }
    }
}
