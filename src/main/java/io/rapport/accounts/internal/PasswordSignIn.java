package io.rapport.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Hashing;
import io.rapport.web.SignInThrottled;
import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * An agent signs in with email and password, by the workspace form or HTTP Basic: Spring Security's
 * DaoAuthenticationProvider (which also spends the same time on an unknown email as on a known one), behind the
 * back-off of {@link SignInThrottle}. The session keeps the agent without the password hash.
 */
final class PasswordSignIn extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    PasswordSignIn(UserDetailsService agents, PasswordEncoder passwords, SignInThrottle throttle) {
        super(agents);
        setPasswordEncoder(new RememberedPasswords(passwords));
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String account = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var wait = throttle.retryAfter(account, address);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        try {
            Authentication result = super.authenticate(request);
            throttle.succeeded(account, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        }
    }

    @Override
    protected Authentication createSuccessAuthentication(
            Object principal, Authentication authentication, UserDetails user) {
        Object safe = principal instanceof AgentPrincipal agent ? agent.withoutPassword() : principal;
        return super.createSuccessAuthentication(safe, authentication, user);
    }

    /**
     * Argon2 is slow on purpose, and an API script sends the same Basic credential on every call: a password that just
     * matched its hash is remembered for two minutes by a hash of both (so a new password is never mistaken for the old
     * one). Only matches are remembered; a wrong password always pays the full cost.
     */
    static final class RememberedPasswords implements PasswordEncoder {

        private static final Duration REMEMBER = Duration.ofMinutes(2);

        private final PasswordEncoder delegate;
        private final Cache<String, Boolean> matched = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(REMEMBER)
                .build();

        RememberedPasswords(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw == null || encoded == null) {
                return false;
            }
            String key = Hashing.sha256Hex(encoded + "\u0000" + raw);
            if (matched.getIfPresent(key) != null) {
                return true;
            }
            boolean matches = delegate.matches(raw, encoded);
            if (matches) {
                matched.put(key, Boolean.TRUE);
            }
            return matches;
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }
    }
}
