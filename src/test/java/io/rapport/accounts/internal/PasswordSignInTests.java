package io.rapport.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Role;
import io.rapport.web.SignInThrottled;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in with a password costs the same work for an unknown email as for a known one (so the time it takes tells
 * nothing), counts failures, refuses during back-off before any password is checked, and keeps no hash in the session.
 */
class PasswordSignInTests {

    /** Counts the password checks: the slow hash is the work an attacker would time. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final SignInThrottleTests.TestClock clock = new SignInThrottleTests.TestClock();
    final SignInThrottle throttle = new SignInThrottle(5, 30, Duration.ofMinutes(15), clock);
    final AgentPrincipal ada =
            new AgentPrincipal(1, "ada@desk.io", "Ada", Role.AGENT, "{plain}right-password", true, "stamp");
    final PasswordSignIn signIn = new PasswordSignIn(
            email -> {
                if (email.equals("ada@desk.io")) {
                    return ada;
                }
                throw new UsernameNotFoundException("unknown");
            },
            encoder,
            throttle);

    @Test
    void anUnknownEmailCostsAPasswordCheckToo() {
        encoder.checks.set(0);
        assertThatThrownBy(() -> signIn.authenticate(token("nobody@desk.io", "whatever")))
                .isInstanceOf(BadCredentialsException.class);
        int unknown = encoder.checks.getAndSet(0);
        assertThatThrownBy(() -> signIn.authenticate(token("ada@desk.io", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        int known = encoder.checks.get();
        assertThat(unknown).as("checks for an unknown email").isEqualTo(known).isPositive();
    }

    @Test
    void theSessionKeepsNoHash() {
        var signedIn = signIn.authenticate(token("ada@desk.io", "right-password"));
        assertThat(((AgentPrincipal) signedIn.getPrincipal()).passwordHash()).isEmpty();
    }

    @Test
    void duringBackOffNoPasswordIsCheckedEvenTheRightOne() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> signIn.authenticate(token("ada@desk.io", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        encoder.checks.set(0);
        assertThatThrownBy(() -> signIn.authenticate(token("ada@desk.io", "right-password")))
                .isInstanceOf(SignInThrottled.class);
        assertThat(encoder.checks.get()).isZero();
    }

    private static UsernamePasswordAuthenticationToken token(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
