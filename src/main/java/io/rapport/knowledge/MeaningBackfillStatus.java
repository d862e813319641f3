package io.rapport.knowledge;

import io.rapport.common.Coded;
import java.time.Duration;
import java.time.Instant;

/**
 * How the walk that works out the meanings of earlier solved tickets stands (ADR 33): it has looked at {@code lookedAt}
 * of the {@code toLookAt} solved tickets it counted when it started, newest first, and worked out {@code workedOut}
 * vectors (the others had one). {@code left} is reckoned from the time spent so far; null until it can be.
 */
public record MeaningBackfillStatus(
        State state,
        long toLookAt,
        long lookedAt,
        long workedOut,
        Instant startedAt,
        Instant finishedAt,
        Duration left,
        String error) {

    public enum State implements Coded {
        /** Never started. */
        IDLE,
        RUNNING,
        PAUSED,
        /** Reached the oldest solved ticket. */
        DONE,
        /** Stopped by an error (the model could not run); resuming goes on from where it was. */
        FAILED;

        @Override
        public String toString() {
            return code();
        }
    }

    /** Whole percent looked at, 0 to 100. */
    public int percent() {
        return toLookAt <= 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, 100 * lookedAt / toLookAt);
    }

    /**
     * The time the rest will take at the pace so far: the time spent per ticket looked at, times those left; null
     * before anything was looked at.
     */
    public static Duration left(long spentMillis, long lookedAt, long toLookAt) {
        if (lookedAt <= 0 || spentMillis <= 0) {
            return null;
        }
        long rest = Math.max(0, toLookAt - lookedAt);
        return Duration.ofMillis((long) ((double) spentMillis / lookedAt * rest));
    }
}
