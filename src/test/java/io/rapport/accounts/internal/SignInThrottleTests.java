package io.rapport.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Back-off per account and address, and per address across accounts (ADR 3): someone guessing at an account cannot lock
 * its owner out, and one address cannot spray passwords over many accounts.
 */
class SignInThrottleTests {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final SignInThrottle throttle = new SignInThrottle(5, 30, Duration.ofMinutes(15), clock);

    @Test
    void freeFailuresThenAWaitThatDoublesUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).isEmpty();
            throttle.failed("ada@desk.io", "198.51.100.7");
        }
        throttle.failed("ada@desk.io", "198.51.100.7");
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).contains(Duration.ofSeconds(2));
        throttle.failed("ada@desk.io", "198.51.100.7");
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            throttle.failed("ADA@desk.io ", "198.51.100.7");
        }
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).contains(Duration.ofMinutes(15));
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).isEmpty();
    }

    @Test
    void someoneGuessingAtAnAccountDoesNotLockItsOwnerOut() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("ada@desk.io", "203.0.113.66");
        }
        assertThat(throttle.retryAfter("ada@desk.io", "203.0.113.66")).isPresent();
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7"))
                .as("the owner, signing in from her own address")
                .isEmpty();
    }

    @Test
    void oneAddressCannotSprayPasswordsOverManyAccounts() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("user" + i + "@desk.io", "203.0.113.66");
        }
        assertThat(throttle.retryAfter("fresh@desk.io", "203.0.113.66")).isEmpty();
        throttle.failed("user31@desk.io", "203.0.113.66");
        assertThat(throttle.retryAfter("fresh@desk.io", "203.0.113.66"))
                .as("a 31st failure from the address, on any account")
                .isPresent();
        assertThat(throttle.retryAfter("fresh@desk.io", "198.51.100.7")).isEmpty();
    }

    @Test
    void aSuccessForgivesTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("ada@desk.io", "198.51.100.7");
        }
        clock.now = clock.now.plusSeconds(5);
        throttle.succeeded("ada@desk.io", "198.51.100.7");
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7")).isEmpty();
        for (int i = 0; i < 25; i++) {
            throttle.failed("other" + i + "@desk.io", "198.51.100.7");
        }
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7"))
                .as("six before the success and 25 after: over the address's 30")
                .isPresent();
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("ada@desk.io", "198.51.100.7");
        }
        clock.now = clock.now.plus(SignInThrottle.FORGET_AFTER).plusSeconds(1);
        throttle.failed("ada@desk.io", "198.51.100.7");
        assertThat(throttle.retryAfter("ada@desk.io", "198.51.100.7"))
                .as("the count started again")
                .isEmpty();
    }
}
