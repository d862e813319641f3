package io.rapport.sla;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin sets up service levels in the browser: a calendar with office hours and a holiday, then a policy on it for
 * one organization's urgent tickets, which a second admin sees at once and stops.
 */
@H2Database
class SlaAdminBrowserTests extends BrowserTest {

    @Test
    void anAdminAddsACalendarAndAPolicyAndAnotherStopsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = "vip-" + suffix + ".example.org";
        admin().post("/api/v1/organizations", Map.of("name", "VIP " + suffix, "domains", List.of(domain)));

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/admin/sla");
        page.getByLabel("Name").nth(1).fill("Office " + suffix);
        page.getByLabel("Time zone").fill("Mars/Olympus");
        page.getByLabel("Holidays").fill("2026-12-25, 2026-12-26");
        page.locator("[data-rapport=add-calendar] button[type=submit]").click();
        assertThat(page.locator("[role=alert]")).containsText("time zone such as Europe/Berlin");
        assertThat(page.getByLabel("Holidays")).hasValue("2026-12-25, 2026-12-26");
        page.getByLabel("Time zone").fill("Europe/Berlin");
        page.getByLabel("Saturday").fill("10:00-14:00");
        page.locator("[data-rapport=add-calendar] button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Calendar added.");
        assertThat(page.locator("[data-rapport=calendars]")).containsText("Saturday: 10:00-14:00");

        page.getByLabel("Name").nth(0).fill("VIP urgent " + suffix);
        page.getByLabel("Priority").selectOption("urgent");
        page.getByLabel("Organization")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("VIP " + suffix));
        page.getByLabel("Calendar", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Office " + suffix));
        page.getByLabel("First response (minutes)").fill("30");
        page.getByLabel("Solution (minutes)").fill("240");
        page.locator("[data-rapport=add-policy] button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Policy added");
        var row = page.locator("[data-rapport=policies] tr:has-text('VIP urgent " + suffix + "')");
        assertThat(row).containsText("Urgent");
        assertThat(row).containsText("first response 30 min");
        assertThat(row).containsText("Office " + suffix);
        screenshot(page, "admin-sla");

        try (BrowserContext other = newContext()) {
            Page second = other.newPage();
            signInAsAgent(second, ADMIN_EMAIL, ADMIN_PASSWORD);
            second.navigate("/admin/sla");
            second.locator("[data-rapport=policies] tr:has-text('VIP urgent " + suffix + "') button")
                    .click();
            assertThat(second.locator("[role=status]")).containsText("Policy stopped");
        }
        page.reload();
        assertThat(row).containsText("stopped");
        assertThat(row.locator("button")).hasCount(0);
    }
}
