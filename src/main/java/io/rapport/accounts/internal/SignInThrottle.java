package io.rapport.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Back-off after repeated failed sign-ins (ADR 3). Failures count per account and client address, so that someone
 * guessing at an account from their address cannot lock its owner out, who signs in from another; and per address
 * across all accounts, so that one address cannot try a few passwords on each of many accounts. Each key has some
 * free failures, then a wait that doubles with each further failure up to a ceiling. A success clears its account and
 * address pair, not the address's count (or signing in to one's own account would reset a spraying attack).
 *
 * <p>Kept in memory (Caffeine: bounded, and a key is forgotten an hour after its last failure): one node's view is
 * enough to slow a guesser down, and a restart only forgives a few failures.
 */
@Component
public class SignInThrottle {

    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int AT_MOST = 100_000;

    private record Failures(int count, Instant blockedUntil) {}

    private final Cache<String, Failures> byAccountAndAddress;
    private final Cache<String, Failures> byAddress;
    private final int freeFailures;
    private final int freeFailuresPerAddress;
    private final Duration maxLockout;
    private final Clock clock;

    SignInThrottle(
            @Value("${rapport.sign-in.free-failures:5}") int freeFailures,
            @Value("${rapport.sign-in.free-failures-per-address:30}") int freeFailuresPerAddress,
            @Value("${rapport.sign-in.max-lockout:15m}") Duration maxLockout,
            Clock clock) {
        this.freeFailures = freeFailures;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.maxLockout = maxLockout;
        this.clock = clock;
        this.byAccountAndAddress = cache(clock);
        this.byAddress = cache(clock);
    }

    private static Cache<String, Failures> cache(Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(AT_MOST)
                .expireAfterWrite(FORGET_AFTER)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** How long this caller must still wait before trying this account again; empty when they may try now. */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(
                blockedUntil(byAccountAndAddress.getIfPresent(key(account, address))),
                blockedUntil(byAddress.getIfPresent(address(address))));
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        byAccountAndAddress.asMap().compute(key(account, address), (k, f) -> next(f, freeFailures, now));
        byAddress.asMap().compute(address(address), (k, f) -> next(f, freeFailuresPerAddress, now));
    }

    public void succeeded(String account, String address) {
        byAccountAndAddress.invalidate(key(account, address));
    }

    private Failures next(Failures before, int free, Instant now) {
        int count = before == null ? 1 : before.count() + 1;
        Instant blockedUntil = null;
        if (count > free) {
            long seconds = 1L << Math.min(20, count - free);
            blockedUntil = now.plus(Duration.ofSeconds(Math.min(seconds, maxLockout.toSeconds())));
        }
        return new Failures(count, blockedUntil);
    }

    private static Instant blockedUntil(Failures f) {
        return f == null ? null : f.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String key(String account, String address) {
        return (account == null ? "" : account.strip().toLowerCase(Locale.ROOT)) + "\n" + address(address);
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }
}
