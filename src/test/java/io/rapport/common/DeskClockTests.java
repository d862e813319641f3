package io.rapport.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeskClockTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final DeskClock clock = new DeskClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void replaysAPastTimeOnTheCallingThreadOnly() throws Exception {
        Instant past = NOW.minusSeconds(3600);
        Instant seen = clock.replay(past, clock::instant);
        assertThat(seen).isEqualTo(past);
        Instant otherThread = clock.replay(
                past, () -> CompletableFuture.supplyAsync(clock::instant).join());
        assertThat(otherThread).as("another thread keeps the real time").isEqualTo(NOW);
        assertThat(clock.instant()).as("restored afterwards").isEqualTo(NOW);
    }

    @Test
    void anotherZoneKeepsTheReplay() {
        Instant past = NOW.minusSeconds(60);
        Clock berlin = clock.withZone(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(clock.replay(past, berlin::instant)).isEqualTo(past);
        assertThat(berlin.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void nestedReplaysRestoreTheOuterTime() {
        Instant outer = NOW.minusSeconds(7200);
        Instant inner = NOW.minusSeconds(60);
        clock.replay(outer, () -> {
            assertThat(clock.replay(inner, clock::instant)).isEqualTo(inner);
            assertThat(clock.instant()).isEqualTo(outer);
        });
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void refusesTheFutureAndRestoresAfterAFailure() {
        assertThatThrownBy(() -> clock.replay(NOW.plusSeconds(1), clock::instant))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.replay(NOW.minusSeconds(5), () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
