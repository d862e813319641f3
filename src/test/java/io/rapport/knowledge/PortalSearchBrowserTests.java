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
 * A customer searches their own requests in the portal: they find their ticket by a word of the conversation, never by
 * a word only an internal note holds (an agent writes one meanwhile, in another browser), and never another
 * customer's ticket.
 */
@H2Database
class PortalSearchBrowserTests extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    Search search;

    @Test
    void aCustomerFindsOnlyTheirOwnRequestsByWhatTheyCanRead() {
        String w = "qp" + UUID.randomUUID().toString().substring(0, 6);
        String email = "portal-" + w + "@example.org";
        long mine = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Parcel lost",
                                "body",
                                "My parcel " + w + " never arrived.",
                                "customer",
                                Map.of("email", email)))
                .json()
                .get("number")
                .asLong();
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Someone else's parcel",
                                "body",
                                "Parcel " + w + " is late.",
                                "customer",
                                Map.of("email", "other-" + w + "@example.org")));

        signInAsCustomer(page, email);
        page.navigate("/portal/search");
        page.locator("[data-rapport=portal-search-box]").fill(w);
        var hits = page.locator("[data-rapport=search-hit]");
        assertThat(hits).hasCount(1);
        assertThat(hits).containsText("#" + mine + " Parcel lost");
        assertThat(hits.locator("mark")).hasText(w);
        screenshot(page, "portal-search");

        String secret = "qs" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext agentContext = newContext()) {
            Page agent = agentContext.newPage();
            signInAsAgent(agent, ADMIN_EMAIL, ADMIN_PASSWORD);
            agent.navigate("/tickets/" + mine);
            agent.locator("[data-rapport=reply-body]").fill("Carrier claim " + secret + " opened.");
            agent.locator("[data-rapport=note-send]").click();
            assertThat(agent.locator("[data-rapport=message][data-visibility=internal]"))
                    .containsText(secret);
            // the search page is rendered once: searched when the note is searchable (a moment later; longer when the
            // machine running the tests is busy)
            search.catchUp();
            agent.navigate("/search?q=" + secret);
            assertThat(agent.locator("[data-rapport=search-hit][data-type=ticket]"))
                    .containsText("Parcel lost");
        }
        page.locator("[data-rapport=portal-search-box]").fill(secret);
        assertThat(page.locator("[data-rapport=search-none]")).isVisible();
        page.locator("[data-rapport=portal-search-box]").fill(String.valueOf(mine));
        assertThat(hits).hasCount(1);
    }
}
