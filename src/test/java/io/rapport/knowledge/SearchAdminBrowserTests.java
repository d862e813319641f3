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

    @org.springframework.beans.factory.annotation.Autowired
    MeaningBackfill backfill;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    /**
     * A paused walk (ADR 33), as two admins see it: both see it paused with its count; one resumes it and watches it
     * to the end without reloading; the other, reloading, sees it done with the same figures.
     */
    @Test
    void anAdminResumesTheMeaningsOfEarlierTicketsAndBothAdminsSeeItDone() {
        String w = "mb" + UUID.randomUUID().toString().substring(0, 6);
        long id = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject", "Backfill check " + w,
                                "body", "The pump of my aquarium hums loudly at night " + w,
                                "customer", Map.of("email", w + "@example.org")))
                .json()
                .get("id")
                .asLong();
        admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        var state = backfill.status().state();
        if (state == MeaningBackfillStatus.State.PAUSED || state == MeaningBackfillStatus.State.FAILED) {
            backfill.start(1); // one other tests left paused ends first, so that a new one starts from the top
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(2))
                .until(() -> backfill.status().state() != MeaningBackfillStatus.State.RUNNING);
        transaction.executeWithoutResult(tx -> {
            backfill.start(1);
            backfill.pause();
        });

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/search");
        var section = page.locator("[data-rapport=meanings]");
        assertThat(section.locator("h2")).hasText("Meanings of earlier tickets");
        assertThat(section.locator("[data-rapport=meanings-progress] label"))
                .hasText("Looked at no solved ticket so far; counting the rest.");
        assertThat(section.locator("[data-rapport=meanings-state]")).hasText("Paused.");
        assertThat(section.locator("[data-rapport=meanings-start]")).hasText("Resume");
        screenshot(page, "admin-search-meanings-paused");

        try (BrowserContext other = newContext()) {
            Page second = other.newPage();
            signInAsAgent(second, ADMIN_EMAIL, ADMIN_PASSWORD);
            second.navigate("/admin/search");
            assertThat(second.locator("[data-rapport=meanings-state]")).hasText("Paused.");

            section.locator("[data-rapport=meanings-start]").focus();
            page.keyboard().press("Enter");
            // the page follows it to the end by itself
            assertThat(section.locator("[data-rapport=meanings-state]"))
                    .containsText(
                            "Done",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(120_000));
            var done = backfill.status();
            String lookedAt = String.format(java.util.Locale.ENGLISH, "%,d", done.lookedAt());
            assertThat(section.locator("[data-rapport=meanings-state]"))
                    .containsText("looked at " + lookedAt + " solved ticket");
            assertThat(section.locator("[data-rapport=meanings-start]")).hasText("Look again");
            screenshot(page, "admin-search-meanings-done");

            second.reload();
            assertThat(second.locator("[data-rapport=meanings-state]"))
                    .containsText("looked at " + lookedAt + " solved ticket");
            assertThat(second.locator("[data-rapport=meanings-start]")).hasText("Look again");
        }
    }

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
