package io.rapport.accounts.internal;

import io.rapport.accounts.Agents;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and the lookup Spring Security signs agents in with. */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** Argon2id, the memory-hard winner of the Password Hashing Competition; the id prefix lets us migrate later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService agentDetails(Agents agents) {
        // Sessions keep the principal without its hash (see AgentSessionCheck, which also keeps it current).
        return username -> agents.principalByEmail(username)
                .orElseThrow(() -> new UsernameNotFoundException("no agent with that email"));
    }
}
