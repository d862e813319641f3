package io.rapport.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.SignInThrottle;
import io.rapport.common.Hashing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API credentials: {@code Authorization: Bearer <token>} or HTTP Basic with an agent's email and password. Failed Basic
 * sign-ins count towards the account's back-off (429 with Retry-After). A verified Basic credential is remembered
 * briefly by its hash, because Argon2 is deliberately slow and a script sends the same credential on every call.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final Duration REMEMBER_BASIC = Duration.ofMinutes(2);

    private final ApiTokens tokens;
    private final Agents agents;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ConcurrentHashMap<String, Instant> verifiedBasic = new ConcurrentHashMap<>();

    ApiAuthenticationFilter(ApiTokens tokens, Agents agents, PasswordEncoder passwords, SignInThrottle throttle) {
        this.tokens = tokens;
        this.agents = agents;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AgentPrincipal> agent;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            agent = tokens.authenticate(header.substring(7).strip());
            if (agent.isEmpty()) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "the API token is unknown or revoked");
                return;
            }
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "the Basic credentials are not valid Base64");
                return;
            }
            int colon = decoded.indexOf(':');
            String email = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            Optional<Duration> wait = throttle.retryAfter(email);
            if (wait.isPresent()) {
                response.setHeader(
                        "Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
                Problems.write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too many failed sign-ins; try again in "
                                + Math.max(1, wait.get().toSeconds()) + " s");
                return;
            }
            agent = basic(email, password);
            if (agent.isEmpty()) {
                throttle.failed(email);
                response.setHeader("WWW-Authenticate", "Basic realm=\"Rapport\"");
                Problems.write(response, HttpStatus.UNAUTHORIZED, "wrong email or password");
                return;
            }
            throttle.succeeded(email);
        } else {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "use Bearer <token> or Basic credentials");
            return;
        }
        AgentPrincipal principal = agent.get().withoutPassword();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<AgentPrincipal> basic(String email, String password) {
        Optional<AgentPrincipal> agent = agents.principalByEmail(email).filter(AgentPrincipal::active);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        String key = Hashing.sha256Hex(agent.get().id() + "\u0000" + agent.get().passwordHash() + "\u0000" + password);
        Instant now = Instant.now();
        Instant until = verifiedBasic.get(key);
        if (until != null && until.isAfter(now)) {
            return agent;
        }
        if (!passwords.matches(password, agent.get().passwordHash())) {
            return Optional.empty();
        }
        if (verifiedBasic.size() > 10_000) {
            verifiedBasic.clear();
        }
        verifiedBasic.put(key, now.plus(REMEMBER_BASIC));
        return agent;
    }
}
