package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The pages agents and customers use on a phone (390 px wide): nothing is cut off or needs sideways scrolling. */
@H2Database
class PhoneWidthBrowserTests extends BrowserTest {

    /**
     * How far the page is wider than the screen once it has settled (0: it fits). Scripts and fonts may still change
     * the layout just after load, so the page gets a few seconds to fit before the widest elements are named.
     */
    private static int overflow(Page p) {
        try {
            p.waitForFunction(
                    "() => document.documentElement.scrollWidth <= window.innerWidth",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(5000));
            return 0;
        } catch (com.microsoft.playwright.TimeoutError e) {
            System.out.println("Wider than the screen: "
                    + p.evaluate("() => Array.from(document.querySelectorAll("
                            + "'body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 8)"
                            + ".map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right))"
                            + ".join(' | ')"));
            return ((Number) p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        }
    }

    @Test
    void listsTheTicketPageAndThePortalFitAPhone() {
        String email = "phone-" + UUID.randomUUID().toString().substring(0, 8) + "@customers.rapport.dev";
        JsonNode ticket = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "A rather long subject that a customer typed on their phone in a hurry",
                                "body",
                                "My card was declined at the shop today and I need it for the weekend.",
                                "customer",
                                Map.of("email", email, "name", "Pia Phone"),
                                "tags",
                                java.util.List.of("cards", "weekend")))
                .json();
        // what other tests leave behind: an unbroken 250-character subject, a long tag
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject", "w".repeat(250),
                                "body", "x",
                                "tags", java.util.List.of("a-rather-long-tag-without-any-space-" + "t".repeat(20)),
                                "customer",
                                        Map.of(
                                                "email",
                                                "long-" + "n".repeat(40) + "@example.com",
                                                "name",
                                                "N".repeat(80))));
        long team = admin().post("/api/v1/teams", Map.of("name", "A team whose name is long " + UUID.randomUUID()))
                .json()
                .get("id")
                .asLong();
        for (int i = 0; i < 3; i++) { // the token list: long names, scopes and last days in a narrow table
            admin().post(
                            "/api/v1/tokens",
                            Map.of(
                                    "name", "A token for the nightly export to the data warehouse " + i,
                                    "scopes", java.util.List.of("read"),
                                    "expiresAt",
                                            java.time.Instant.now()
                                                    .plusSeconds(86400L * 90)
                                                    .toString()));
        }
        for (int i = 0; i < 51; i++) { // more than a page: the pager and its page jump show
            admin().post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject",
                                    "Filler " + i,
                                    "body",
                                    "x",
                                    "customer",
                                    Map.of("email", "filler-" + i + "@example.com")));
        }
        page.setViewportSize(390, 844);
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets?view=all");
        page.click("[data-rapport=filters] summary");
        page.fill("#view-name", "A saved view with a rather long name that needs to wrap somewhere");
        page.click("[data-rapport=save-view] button[type=submit]");
        Map<String, String> agentPages = new LinkedHashMap<>();
        agentPages.put("list", "/tickets?view=all");
        agentPages.put("ticket", "/tickets/" + ticket.get("number").asLong());
        agentPages.put("new ticket", "/tickets/new");
        agentPages.put(
                "customer", "/customers/" + ticket.get("customer").get("id").asLong());
        agentPages.put("customers", "/customers");
        agentPages.put("profile", "/profile");
        agentPages.put("team", "/admin/teams/" + team);
        agentPages.put("audit log", "/admin/audit");
        agentPages.put("API tokens", "/admin/tokens");
        agentPages.put("routing", "/admin/routing");
        agentPages.put("my work", "/my-targets");
        agentPages.put("search", "/search?q=card");
        agentPages.put("service levels", "/admin/sla");
        agentPages.put("search index", "/admin/search");
        agentPages.put("knowledge", "/knowledge");
        agentPages.put("saved replies", "/saved-replies");
        agentPages.put("article editor", "/knowledge/new");
        agentPages.put("help center", "/help");
        agentPages.put("help search", "/help/search?q=password");
        for (var entry : agentPages.entrySet()) {
            page.navigate(entry.getValue());
            System.out.println(
                    "THS " + entry.getKey() + " "
                            + page.evaluate(
                                    "() => Array.from(document.querySelectorAll('table th, table tbody tr:first-child td')).map(e => e.tagName + ':' + Math.round(e.getBoundingClientRect().width) + ':' + getComputedStyle(e).display + ':' + e.textContent.trim().slice(0,20)).join(' | ')"));
            System.out.println(
                    "WIDE " + entry.getKey() + " "
                            + page.evaluate(
                                    "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
            assertThat(overflow(page)).as(entry.getKey() + " fits 390 px").isLessThanOrEqualTo(0);
        }
        page.navigate(agentPages.get("list"));
        screenshot("phone-list");
        page.navigate(agentPages.get("ticket"));
        screenshot("phone-ticket");

        var phone = newContext();
        try {
            Page customer = phone.newPage();
            customer.setViewportSize(390, 844);
            signInAsCustomer(customer, email);
            assertThat(overflow(customer)).as("portal list fits").isLessThanOrEqualTo(0);
            customer.navigate("/portal/tickets/" + ticket.get("number").asLong());
            assertThat(overflow(customer)).as("portal ticket fits").isLessThanOrEqualTo(0);
            customer.navigate("/portal/search?q=help");
            assertThat(overflow(customer)).as("portal search fits").isLessThanOrEqualTo(0);
        } finally {
            phone.close();
        }
    }
}
