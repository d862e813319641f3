package io.rapport.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What a module adds to the shell's filter chains, as Spring Security's own customizers do: the rules for its own
 * routes and, for the module that signs people in, the sign-in mechanism. The shell adds each area's default rule
 * (signed in with the area's authority) after every module's rules, and names no module's route itself.
 */
public interface SecurityRules {

    /** Rules for this module's routes in one area, e.g. {@code rules.requestMatchers("/admin/**").hasAuthority(...)}. */
    default void authorize(
            Area area,
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}

    /** Anything else for the area's chain: a sign-in page, a filter, where to send someone who is not signed in. */
    default void configure(Area area, HttpSecurity http) throws Exception {}
}
