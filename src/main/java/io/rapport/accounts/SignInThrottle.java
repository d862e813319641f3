package io.rapport.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Back-off after repeated failed sign-ins: a few free failures, then a wait that doubles with each further failure, up
 * to a ceiling. Keyed by the account name, so spreading a guessing attack over many addresses does not help. Kept in
 * memory: one node's view is enough to slow a guesser down, and a restart only forgives a few failures.
 */
@Component
public class SignInThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final Duration maxLockout;
    private final Clock clock;

    SignInThrottle(
            @Value("${rapport.sign-in.free-failures:5}") int freeFailures,
            @Value("${rapport.sign-in.max-lockout:15m}") Duration maxLockout,
            Clock clock) {
        this.freeFailures = freeFailures;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    /** How long the caller must still wait before trying this account again; empty when they may try now. */
    public Optional<Duration> retryAfter(String account) {
        Failures f = failures.get(key(account));
        if (f == null || f.blockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String account) {
        Instant now = clock.instant();
        failures.compute(key(account), (k, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            Instant blockedUntil = null;
            if (count > freeFailures) {
                long seconds = 1L << Math.min(20, count - freeFailures);
                blockedUntil = now.plus(Duration.ofSeconds(Math.min(seconds, maxLockout.toSeconds())));
            }
            return new Failures(count, now, blockedUntil);
        });
        if (failures.size() > 100_000) {
            failures.entrySet()
                    .removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    public void succeeded(String account) {
        failures.remove(key(account));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
