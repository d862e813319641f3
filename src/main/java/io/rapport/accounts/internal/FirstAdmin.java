package io.rapport.accounts.internal;

import io.rapport.accounts.Actor;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.Role;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first admin from RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD when the desk has none. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Agents agents;
    private final String email;
    private final String password;
    private final boolean demo;

    FirstAdmin(
            Agents agents,
            @Value("${rapport.admin.email:}") String email,
            @Value("${rapport.admin.password:}") String password,
            @Value("${rapport.demo-data:false}") boolean demo) {
        this.demo = demo;
        this.agents = agents;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.anyAdmin()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            if (demo) {
                return; // the demo data brings its own admin
            }
            log.warn(
                    "No admin exists. Set RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD (10+ characters) and restart.");
            return;
        }
        agents.principalByEmail(email)
                .ifPresentOrElse(
                        existing -> log.warn("{} exists but is not an active admin; not changing it", email), () -> {
                            agents.create(
                                    new CreateAgent(
                                            email, "Administrator", password, Role.ADMIN, null, null, null, 3, 10),
                                    Actor.system(),
                                    Locale.ENGLISH);
                            log.info("Created the first admin {}", email);
                        });
    }
}
