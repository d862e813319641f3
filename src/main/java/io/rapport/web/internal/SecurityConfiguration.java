package io.rapport.web.internal;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.NotAllowed;
import io.rapport.web.SecurityRules;
import io.rapport.web.SignInThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Three ways in, three filter chains (ADR 3), assembled from what the modules contribute ({@link SecurityRules}): the
 * API (stateless; HTTP Basic or a Bearer API token, checked by the {@link AuthenticationManager} the accounts module
 * provides), the customer area and the staff area (their sign-in mechanisms come from the accounts module). Every
 * answer carries a strict Content-Security-Policy (scripts and styles only from this server), a referrer policy and a
 * permissions policy; the API answers problem+json for every refusal.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No observation per security filter: with them turned off only by a predicate
     * ({@code management.observations.enable.spring.security}), every request still wrapped each filter in an
     * observation that records nothing. {@code http.server.requests} still measures every request.
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    /** Swagger UI sets inline styles; it shows only our own API document. */
    static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            AuthenticationManager authentication,
            List<SecurityRules> modules,
            Problems problems,
            @Value("${rapport.api.max-json-body:1MB}") DataSize maxJson)
            throws Exception {
        ApiEntryPoint entryPoint = new ApiEntryPoint(problems);
        BearerTokenAuthenticationFilter bearer = new BearerTokenAuthenticationFilter(authentication);
        bearer.setAuthenticationFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        http.securityMatcher(Area.API.patterns())
                .authenticationManager(authentication)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new JsonBodyLimitFilter(maxJson.toBytes(), problems), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((req, res, ex) -> problems.write(
                                res,
                                HttpStatus.FORBIDDEN,
                                ex instanceof NotAllowed ? ex.getMessage() : "your role does not allow this")))
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAuthority(Authorities.ADMIN);
                    modules.forEach(m -> m.authorize(Area.API, rules));
                    rules.anyRequest().hasAuthority(Authorities.STAFF);
                });
        for (SecurityRules module : modules) {
            module.configure(Area.API, http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain customerChain(
            HttpSecurity http, AuthenticationManager authentication, List<SecurityRules> modules) throws Exception {
        http.securityMatcher(Area.CUSTOMER.patterns())
                .authenticationManager(authentication)
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(rules -> {
                    modules.forEach(m -> m.authorize(Area.CUSTOMER, rules));
                    rules.anyRequest().hasAuthority(Authorities.CUSTOMER);
                });
        for (SecurityRules module : modules) {
            module.configure(Area.CUSTOMER, http);
        }
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffChain(HttpSecurity http, AuthenticationManager authentication, List<SecurityRules> modules)
            throws Exception {
        http.authenticationManager(authentication)
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(
                                    "/assets/**",
                                    "/favicon.ico",
                                    "/webjars/**",
                                    "/error",
                                    "/v3/api-docs/**",
                                    "/v3/api-docs",
                                    "/swagger-ui/**",
                                    "/swagger-ui.html")
                            .permitAll();
                    modules.forEach(m -> m.authorize(Area.STAFF, rules));
                    rules.anyRequest().hasAuthority(Authorities.STAFF);
                });
        for (SecurityRules module : modules) {
            module.configure(Area.STAFF, http);
        }
        return http.build();
    }

    /** The policy headers every answer carries; Swagger UI gets a CSP that allows its inline styles. */
    private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> headers) {
        return headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        swagger(), new ContentSecurityPolicyHeaderWriter(CSP_SWAGGER)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(swagger()), new ContentSecurityPolicyHeaderWriter(CSP)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
    }

    private static RequestMatcher swagger() {
        return request -> request.getRequestURI().startsWith("/swagger-ui");
    }

    /**
     * Why the API refused a caller, as problem+json: 401 with the schemes it accepts (or the token's error), 429 with
     * Retry-After while the account or address is in back-off.
     */
    static final class ApiEntryPoint implements AuthenticationEntryPoint {

        private final Problems problems;

        ApiEntryPoint(Problems problems) {
            this.problems = problems;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            if (e instanceof SignInThrottled throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer", 0, 6)) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problems.write(response, HttpStatus.UNAUTHORIZED, "the API token is unknown, revoked or malformed");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Rapport\"");
            if (header != null && header.regionMatches(true, 0, "Basic", 0, 5)) {
                problems.write(response, HttpStatus.UNAUTHORIZED, "wrong email or password");
                return;
            }
            problems.write(response, HttpStatus.UNAUTHORIZED, "sign in with Bearer <token> or Basic credentials");
        }
    }
}
