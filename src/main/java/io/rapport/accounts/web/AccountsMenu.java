package io.rapport.accounts.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Accounts' entry in the staff area's header: the admin area, for admins. */
@Configuration(proxyBeanMethods = false)
class AccountsMenu {

    @Bean
    MenuEntry adminMenu() {
        return new MenuEntry(Area.STAFF, 90, "/admin/agents", "nav.admin", "admin", Authorities.ADMIN);
    }
}
