package io.rapport.web;

import io.rapport.accounts.Agents;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.CustomerSessions;
import io.rapport.accounts.SignInTarget;
import io.rapport.accounts.SignInThrottle;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three ways in, three filter chains: the API (stateless, Bearer token or Basic), the customer portal (its own session
 * attribute, signed in by emailed link) and the agent workspace (form sign-in). Every page gets a strict
 * Content-Security-Policy: scripts and styles only from this server.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    /** Where an agent may land after signing in (see SignInTarget). */
    static final Pattern WORKSPACE_PAGES = Pattern.compile("/(tickets|admin)(/[A-Za-z0-9/_-]*)?");
    /** Swagger UI sets inline styles; it shows only our own API document. */
    static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ApiTokens tokens,
            Agents agents,
            PasswordEncoder passwords,
            SignInThrottle throttle,
            @Value("${rapport.api.max-json-body:1MB}") DataSize maxJson)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new JsonBodyLimitFilter(maxJson.toBytes()), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiAuthenticationFilter(tokens, agents, passwords, throttle),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("ADMIN")
                                .requestMatchers(HttpMethod.POST, "/api/v1/agents", "/api/v1/tokens", "/api/v1/teams")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/tokens/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .hasRole("STAFF"))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"Rapport\"");
                            Problems.write(res, HttpStatus.UNAUTHORIZED, "sign in with Bearer <token> or Basic");
                        })
                        .accessDeniedHandler((req, res, ex) ->
                                Problems.write(res, HttpStatus.FORBIDDEN, "your role does not allow this")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, CustomerSessions sessions) throws Exception {
        http.securityMatcher("/portal/**", "/portal")
                .securityContext(c -> c.securityContextRepository(sessions.repository()))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/portal", "/portal/login", "/portal/auth", "/portal/link-sent", "/portal/language")
                        .permitAll()
                        .anyRequest()
                        .hasRole("CUSTOMER"))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain agentChain(HttpSecurity http, SignInThrottle throttle, Agents agents) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/assets/**",
                                "/favicon.ico",
                                "/webjars/**",
                                "/error",
                                "/v3/api-docs/**",
                                "/v3/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasRole("STAFF"))
                .formLogin(f -> f.loginPage("/login")
                        .failureHandler((req, res, ex) -> {
                            throttle.failed(req.getParameter("username"));
                            res.sendRedirect("/login?error");
                        })
                        .successHandler((req, res, auth) -> {
                            throttle.succeeded(auth.getName());
                            res.sendRedirect(SignInTarget.wanted(req, res, WORKSPACE_PAGES, "/"));
                        })
                        .permitAll())
                .addFilterBefore(new FormSignInBackOff(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(
                        new AgentSessionCheck(agents),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                // only the agent's sign-in goes: a customer signed in to the portal in the same browser stays signed in
                .logout(l -> l.logoutUrl("/logout").invalidateHttpSession(false).logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                swagger(), new ContentSecurityPolicyHeaderWriter(CSP_SWAGGER)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swagger()), new ContentSecurityPolicyHeaderWriter(CSP))));
        return http.build();
    }

    private static RequestMatcher swagger() {
        return request -> request.getRequestURI().startsWith("/swagger-ui");
    }

    /** Refuses a password sign-in while the account is in back-off, before the password is even checked. */
    static final class FormSignInBackOff extends OncePerRequestFilter {

        private final SignInThrottle throttle;

        FormSignInBackOff(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response,
                jakarta.servlet.FilterChain chain)
                throws java.io.IOException, jakarta.servlet.ServletException {
            Optional<Duration> wait = throttle.retryAfter(request.getParameter("username"));
            if (wait.isPresent()) {
                response.sendRedirect("/login?locked=" + Math.max(1, wait.get().toSeconds()));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
