package io.rapport.accounts.internal;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.accounts.ApiTokens;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, and the one {@link AuthenticationManager} every way in signs agents in with: passwords (the
 * workspace form and HTTP Basic on the API) and API tokens (Bearer). The shell's filter chains use it (ADR 11).
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** Argon2id, the memory-hard winner of the Password Hashing Competition; the id prefix lets us migrate later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** Active agents by email; a deactivated agent is as unknown as a stranger (and costs as much time to refuse). */
    @Bean
    UserDetailsService agentDetails(Agents agents) {
        return username -> agents.principalByEmail(username)
                .filter(AgentPrincipal::active)
                .orElseThrow(() -> new UsernameNotFoundException("no active agent with that email"));
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService agentDetails, PasswordEncoder passwords, SignInThrottle throttle, ApiTokens tokens) {
        ProviderManager manager =
                new ProviderManager(new PasswordSignIn(agentDetails, passwords, throttle), new ApiTokenSignIn(tokens));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }
}
