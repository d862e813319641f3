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
 * The repeat contact as agents meet it (ADR 30): the new ticket shows the earlier conversation at once, above its own;
 * an agent who sees it is another problem undoes the link, and a colleague with the earlier ticket open sees its
 * outcome go back without reloading.
 */
@H2Database
class RepeatContactBrowserTests extends BrowserTest {

    @Test
    void theAgentSeesTheEarlierConversationAtOnceAndCanUndoAWrongLink() {
        String customer = "rb" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        var earlier = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                RepeatContactContract.DECLINED_SUBJECT,
                                "body",
                                RepeatContactContract.DECLINED,
                                "customer",
                                Map.of("email", customer, "name", "Mira Kovač")))
                .json();
        long earlierId = earlier.get("id").asLong();
        admin().post(
                        "/api/v1/tickets/" + earlierId + "/messages",
                        Map.of("body", "We lifted the safety block on your card; payments in shops work again."));
        admin().patch("/api/v1/tickets/" + earlierId, Map.of("status", "solved"));
        var again = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                RepeatContactContract.DECLINED_AGAIN_SUBJECT,
                                "body",
                                RepeatContactContract.DECLINED_AGAIN,
                                "customer",
                                Map.of("email", customer)))
                .json();
        long number = again.get("number").asLong();
        long earlierNumber = earlier.get("number").asLong();

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        var repeat = page.locator("[data-rapport=repeat-of]");
        assertThat(repeat.locator("h2")).hasText("The same problem came back");
        assertThat(repeat.locator("[data-rapport=repeat-of-link]"))
                .hasText("#" + earlierNumber + " Card declined at the shop");
        assertThat(repeat.locator("[data-rapport=earlier-conversation] [data-rapport=message]"))
                .hasCount(2);
        assertThat(repeat.locator("[data-rapport=earlier-conversation]"))
                .containsText("We lifted the safety block on your card");
        screenshot(page, "ticket-repeat-of");

        // a colleague has the earlier ticket open
        BrowserContext other = newContext();
        Page colleague = other.newPage();
        signInAsAgent(colleague, ADMIN_EMAIL, ADMIN_PASSWORD);
        colleague.navigate("/tickets/" + earlierNumber);
        assertThat(colleague.locator(".ticket-head [data-rapport=outcome]")).hasText("Repeat contact");
        assertThat(colleague.locator("#activity-list")).containsText("#" + number);
        assertThat(colleague.locator("[data-rapport=came-back-in] a")).hasText("#" + number);

        page.locator("[data-rapport=repeat-unlink] button").click();
        assertThat(page.locator("[data-rapport=repeat-unlinked]")).isVisible();
        assertThat(page.locator("[data-rapport=repeat-of]")).hasCount(0);

        assertThat(colleague.locator(".ticket-head [data-rapport=outcome]")).hasText("Outcome unknown");
        assertThat(colleague.locator("[data-rapport=ticket-updated]")).isVisible();
        assertThat(colleague.locator("[data-rapport=came-back-in]")).hasCount(0);
        other.close();
    }
}
