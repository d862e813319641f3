package io.rapport.accounts.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Presence;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import io.rapport.web.SignInThrottled;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Accounts' part of the filter chains: who may manage agents, teams and tokens, and how people sign in to each area
 * (agents by the form at /login, customers by the emailed link under /portal).
 */
@Component
class AccountsSecurity implements SecurityRules {

    private final Agents agents;
    private final CustomerSessions customerSessions;

    AccountsSecurity(Agents agents, CustomerSessions customerSessions) {
        this.agents = agents;
        this.customerSessions = customerSessions;
    }

    @Override
    public void authorize(
            Area area, AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        switch (area) {
            case API ->
                rules.requestMatchers(HttpMethod.POST, "/api/v1/agents", "/api/v1/tokens", "/api/v1/teams")
                        .hasAuthority(Authorities.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/agents/*/invite")
                        .hasAuthority(Authorities.ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/teams/**")
                        .hasAuthority(Authorities.ADMIN)
                        .requestMatchers("/api/v1/teams/*/members", "/api/v1/teams/*/members/**", "/api/v1/audit")
                        .hasAuthority(Authorities.ADMIN)
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**")
                        .hasAuthority(Authorities.ADMIN);
            case CUSTOMER -> rules.requestMatchers(PortalSignInPages.PUBLIC).permitAll();
            case STAFF ->
                rules.requestMatchers("/login", InvitePages.PAGE)
                        .permitAll()
                        .requestMatchers("/team-load")
                        .hasAnyAuthority(Authorities.SUPERVISOR, Authorities.ADMIN)
                        .requestMatchers("/admin/**")
                        .hasAuthority(Authorities.ADMIN);
        }
    }

    @Override
    public void configure(Area area, HttpSecurity http) throws Exception {
        switch (area) {
            case API -> http.addFilterAfter(new ReadOnlyTokens(), AuthorizationFilter.class);
            case CUSTOMER ->
                http.securityContext(c -> c.securityContextRepository(customerSessions.repository()))
                        .exceptionHandling(e -> e.authenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint(PortalSignInPages.LOGIN)));
            case STAFF ->
                http.formLogin(f -> f.loginPage("/login")
                                .failureHandler((request, response, e) ->
                                        response.sendRedirect(UriComponentsBuilder.fromPath("/login")
                                                .queryParam(
                                                        e instanceof SignInThrottled ? "locked" : "error",
                                                        e instanceof SignInThrottled throttled
                                                                ? throttled.retryAfterSeconds()
                                                                : "")
                                                .build()
                                                .toUriString()))
                                .successHandler((request, response, auth) ->
                                        response.sendRedirect(SignInTarget.wanted(request, response, Area.STAFF, "/")))
                                .permitAll())
                        .addFilterAfter(new AgentSessionCheck(agents), SecurityContextHolderFilter.class)
                        // only the agent's sign-in goes: a customer signed in to the portal in this browser stays
                        .logout(l -> l.logoutUrl("/logout")
                                // signing out means not there to take work
                                .addLogoutHandler((request, response, signedIn) -> {
                                    if (signedIn != null && signedIn.getPrincipal() instanceof AgentPrincipal agent) {
                                        agents.setPresence(agent.id(), Presence.OFFLINE);
                                    }
                                })
                                .invalidateHttpSession(false)
                                .logoutSuccessUrl("/login?signedOut"));
        }
    }
}
