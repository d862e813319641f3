package io.rapport.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one clock every module reads: the system's UTC clock, except inside {@link #replay}, where the calling thread
 * sees a given past instant. Demo data (and later imports) use it to write a ticket's history with the times it
 * happened, through the same domain code as live work, instead of a second path that sets timestamps by hand.
 */
public final class DeskClock extends Clock {

    private final Clock base;
    private final ThreadLocal<Instant> replaying = new ThreadLocal<>();

    public DeskClock(Clock base) {
        this.base = Objects.requireNonNull(base);
    }

    /** Runs {@code work} on this thread as if it were {@code at}; never in the future. */
    public <T> T replay(Instant at, Supplier<T> work) {
        if (at.isAfter(base.instant())) {
            throw new IllegalArgumentException("cannot replay the future: " + at);
        }
        Instant outer = replaying.get();
        replaying.set(at);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                replaying.remove();
            } else {
                replaying.set(outer);
            }
        }
    }

    public void replay(Instant at, Runnable work) {
        replay(at, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public Instant instant() {
        Instant at = replaying.get();
        return at == null ? base.instant() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock, replays included, in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        DeskClock desk = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return desk.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return desk.withZone(other);
            }
        };
    }
}
