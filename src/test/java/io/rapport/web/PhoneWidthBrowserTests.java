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

    /** How far the page is wider than the screen (0: it fits). */
    private static int overflow(Page p) {
        return ((Number) p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
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
        page.setViewportSize(390, 844);
        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        Map<String, String> agentPages = new LinkedHashMap<>();
        agentPages.put("list", "/tickets?view=all");
        agentPages.put("ticket", "/tickets/" + ticket.get("number").asLong());
        agentPages.put("new ticket", "/tickets/new");
        agentPages.put(
                "customer", "/customers/" + ticket.get("customer").get("id").asLong());
        agentPages.put("customers", "/customers");
        for (var entry : agentPages.entrySet()) {
            page.navigate(entry.getValue());
            System.out.println(
                    "WIDE " + entry.getKey() + " "
                            + page.evaluate(
                                    "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
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
        } finally {
            phone.close();
        }
    }
}
