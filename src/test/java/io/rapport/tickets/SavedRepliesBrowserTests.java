package io.rapport.tickets;

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
 * Saved replies in the workspace (issue 10, point 3): written on their page, inserted into the reply box from the
 * keyboard with the ticket's details filled in and their actions shown, and sent with the record of how much was
 * changed; two people changing one saved reply lose nothing.
 */
@H2Database
class SavedRepliesBrowserTests extends BrowserTest {

    @Test
    void anAgentInsertsASavedReplyFromTheKeyboardAndItsActionsApply() {
        String w = "sr" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode ticket = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Refund missing",
                                "body",
                                "Where is my refund?",
                                "customer",
                                Map.of("email", w + "@example.com", "name", "Greta Lind")))
                .json();
        long number = ticket.get("number").asLong();

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/saved-replies");
        page.locator("[data-rapport=saved-reply-title]").fill("Refund sent " + w);
        page.locator("[data-rapport=saved-reply-body]")
                .fill("Hello {{customer.firstName}}, we sent your refund today. It arrives within 3 days.");
        page.locator("[data-rapport=saved-reply-status]").selectOption("solved");
        page.locator("[data-rapport=saved-reply-tags]").fill("refund");
        page.locator("[data-rapport=saved-reply-save]").click();
        assertThat(page.locator("[data-rapport=saved-reply-saved]")).isVisible();
        assertThat(page.locator(
                        "[data-rapport=saved-reply-row]", new Page.LocatorOptions().setHasText("Refund sent " + w)))
                .hasCount(1);
        screenshot(page, "saved-replies");

        page.navigate("/tickets/" + number);
        var box = page.locator("[data-rapport=reply-body]");
        box.focus();
        page.keyboard().type("/");
        var filter = page.locator("[data-rapport=saved-reply-filter]");
        assertThat(filter).isFocused();
        page.keyboard().type(w);
        assertThat(page.locator("[data-rapport=saved-reply-option]")).hasCount(1);
        screenshot(page, "saved-reply-picker");
        page.keyboard().press("Enter");
        assertThat(box).isFocused();
        assertThat(box).hasValue("Hello Greta, we sent your refund today. It arrives within 3 days.");
        assertThat(page.locator("#statusAfter")).hasValue("solved");
        assertThat(page.locator("[data-rapport=saved-reply-note]")).containsText("Refund sent " + w);
        assertThat(page.locator("[data-rapport=saved-reply-note]")).containsText("refund");
        page.keyboard().press("End");
        page.keyboard().type(" Sorry for the wait.");
        page.locator("[data-rapport=reply-send]").click();
        assertThat(page.locator("[data-rapport=message][data-visibility=public]")
                        .last())
                .containsText("Sorry for the wait.");

        JsonNode after =
                admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).json();
        assertThat(after.get("status").asString()).isEqualTo("solved");
        assertThat(after.get("tags").toString()).contains("refund");
        JsonNode messages = after.get("messages");
        JsonNode sent = messages.get(messages.size() - 1);
        // 4 words added to 12: 4 of 16; the signature the desk adds is not the agent's change
        assertThat(sent.get("savedReply").get("changedPercent").asInt()).isEqualTo(25);

        // the button opens the same list; Escape closes it and gives the reply box back
        page.locator("[data-rapport=saved-replies-open]").click();
        assertThat(page.locator("[data-rapport=saved-reply-picker]")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-rapport=saved-reply-picker]")).isHidden();
        assertThat(box).isFocused();
    }

    @Test
    void twoPeopleChangingOneSavedReplyLoseNothing() {
        String w = "sc" + UUID.randomUUID().toString().substring(0, 6);
        long id = admin().post(
                        "/api/v1/saved-replies",
                        Map.of("title", "Opening hours " + w, "body", "We are here from 9 to 5.", "shared", true))
                .json()
                .get("id")
                .asLong();
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/saved-replies?edit=" + id);
        try (BrowserContext other = newContext()) {
            Page colleague = other.newPage();
            signInAsAgent(colleague, ADMIN_EMAIL, ADMIN_PASSWORD);
            colleague.navigate("/saved-replies?edit=" + id);
            colleague.locator("[data-rapport=saved-reply-body]").fill("We are here from 8 to 6.");
            colleague.locator("[data-rapport=saved-reply-save]").click();
            assertThat(colleague.locator("[data-rapport=saved-reply-saved]")).isVisible();
        }
        page.locator("[data-rapport=saved-reply-body]").fill("We are here from 9 to 5, Saturdays too " + w + ".");
        page.locator("[data-rapport=saved-reply-save]").click();
        assertThat(page.locator("[data-rapport=saved-reply-error]")).isVisible();
        assertThat(page.locator("[data-rapport=saved-reply-body]"))
                .hasValue("We are here from 9 to 5, Saturdays too " + w + ".");
        page.locator("[data-rapport=saved-reply-save]").click();
        assertThat(page.locator("[data-rapport=saved-reply-saved]")).isVisible();
        assertThat(admin().get("/api/v1/saved-replies/" + id).json().get("body").asString())
                .contains("Saturdays too " + w);
    }
}
