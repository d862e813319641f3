package io.rapport.tickets.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tickets' entries in the page headers: the workspace for agents, "My requests" for customers. */
@Configuration(proxyBeanMethods = false)
class TicketsMenu {

    @Bean
    MenuEntry workspaceMenu() {
        return new MenuEntry(Area.STAFF, 10, "/tickets", "nav.tickets", "tickets", Authorities.STAFF);
    }

    @Bean
    MenuEntry portalMenu() {
        return new MenuEntry(
                Area.CUSTOMER, 10, "/portal/tickets", "portal.nav.tickets", "requests", Authorities.CUSTOMER);
    }
}
