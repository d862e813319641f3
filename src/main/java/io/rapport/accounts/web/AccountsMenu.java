package io.rapport.accounts.web;

import io.rapport.web.AdminTab;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Accounts' entry in the staff area's header (the admin area, for admins) and its admin tabs. */
@Configuration(proxyBeanMethods = false)
class AccountsMenu {

    @Bean
    MenuEntry customersMenu() {
        return new MenuEntry(Area.STAFF, 20, "/customers", "nav.customers", "customers", Authorities.STAFF);
    }

    @Bean
    MenuEntry adminMenu() {
        return new MenuEntry(Area.STAFF, 90, "/admin/agents", "nav.admin", "admin", Authorities.ADMIN);
    }

    @Bean
    AdminTab agentsTab() {
        return new AdminTab(10, "/admin/agents", "admin.agents", "agents");
    }

    @Bean
    AdminTab teamsTab() {
        return new AdminTab(20, "/admin/teams", "admin.teams", "teams");
    }

    @Bean
    AdminTab tokensTab() {
        return new AdminTab(30, "/admin/tokens", "admin.tokens", "tokens");
    }

    @Bean
    AdminTab auditTab() {
        return new AdminTab(90, "/admin/audit", "admin.audit", "audit");
    }
}
