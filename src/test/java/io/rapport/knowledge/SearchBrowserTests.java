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
 * The workspace's search box (issue 10, point 2): it answers as you type, finds a customer by name and a ticket by a
 * word in its conversation, marks the words, and finds what another agent wrote a moment ago; the ticket list's own
 * search, finding nothing, offers to search everywhere.
 */
@H2Database
class SearchBrowserTests extends BrowserTest {

    @Test
    void theSearchBoxFindsCustomersAndConversationsAsYouType() {
        String w = "qx" + UUID.randomUUID().toString().substring(0, 6);
        var created = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Card declined abroad",
                                "body",
                                "My card was declined at a hotel in Lisbon yesterday, reference " + w + ".",
                                "customer",
                                Map.of("email", "ines." + w + "@example.org", "name", "Ines Marquez" + w)))
                .json();
        long number = created.get("number").asLong();

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all&q=Marquez" + w);
        assertThat(page.locator("[data-rapport=no-match]")).containsText("Marquez" + w);
        screenshot(page, "views-no-match");
        page.locator("[data-rapport=search-everywhere]").click();
        assertThat(page.locator("[data-rapport=search-hit][data-type=customer]"))
                .containsText("Ines Marquez" + w);

        page.locator("[data-rapport=search-box]").fill("");
        page.locator("[data-rapport=search-box]")
                .pressSequentially(
                        w.substring(0, 5),
                        new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("[data-rapport=search-box]").fill(w + " lisb");
        var ticketHit = page.locator("[data-rapport=search-hit][data-type=ticket]");
        assertThat(ticketHit).hasCount(1);
        assertThat(ticketHit).containsText("#" + number + " Card declined abroad");
        assertThat(ticketHit.locator("mark").first()).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/search\\?q=" + w + "(\\+|%20)lisb.*"));
        screenshot(page, "search");

        // a colleague writes on another ticket; the first agent's next search finds it
        try (BrowserContext other = newContext()) {
            Page colleague = other.newPage();
            signInAsAgent(colleague, ADMIN_EMAIL, ADMIN_PASSWORD);
            colleague.navigate("/tickets/" + number);
            colleague
                    .locator("[data-rapport=reply-body]")
                    .fill("Unblocked the card; the Lisbon hotel " + w + "-retry can charge again.");
            colleague.locator("[data-rapport=note-send]").click();
            assertThat(colleague.locator("[data-rapport=message][data-visibility=internal]"))
                    .containsText("Unblocked");
        }
        page.locator("[data-rapport=search-box]").fill(w + " unblocked");
        assertThat(ticketHit).hasCount(1);
        assertThat(ticketHit.locator(".snippet")).containsText("Unblocked");

        page.locator("[data-rapport=search-box]").fill(w + " nothingmatchesthis");
        assertThat(page.locator("[data-rapport=search-none]")).isVisible();
        page.locator("[data-rapport=search-box]").press("Enter");
        assertThat(page.locator("[data-rapport=search-none]")).isVisible();
    }
}
