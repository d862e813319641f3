package io.rapport.knowledge;

import io.rapport.common.Coded;
import java.time.Duration;
import java.time.Instant;

/**
 * How the walk that works out the meanings of earlier solved tickets stands (ADR 33). It reads every ticket below the
 * newest there was when it started, newest first; {@code percent} is how far down it has come. Of the solved tickets
 * it read ({@code lookedAt}; it counted about {@code toLookAt} when it began, null until it has), it worked out
 * {@code workedOut} vectors (the others had one) and could not work out {@code skipped} (the log says why).
 * {@code left} is reckoned from the time spent so far; null until it can be.
 */
public record MeaningBackfillStatus(
        State state,
        int percent,
        Long toLookAt,
        long lookedAt,
        long workedOut,
        long skipped,
        Instant startedAt,
        Instant finishedAt,
        Duration left,
        String error) {

    public enum State implements Coded {
        /** Never started. */
        IDLE,
        RUNNING,
        PAUSED,
        /** Read down to the oldest ticket. */
        DONE,
        /** Stopped by an error; resuming goes on from where it was. */
        FAILED;

        @Override
        public String toString() {
            return code();
        }
    }

    /**
     * How far down a walk from {@code topId} (exclusive) to the first ticket has come when it reads below
     * {@code belowId} next, in whole percent: ticket ids are a sequence, so the ids left are the tickets left.
     */
    public static int percent(long topId, long belowId) {
        long all = topId - 1;
        return all <= 0 ? 100 : (int) Math.max(0, Math.min(100, 100 * (topId - belowId) / all));
    }

    /**
     * The time the rest will take at the pace so far: the time spent per ticket id read, times the ids left; null
     * before anything was read.
     */
    public static Duration left(long spentMillis, long topId, long belowId) {
        long read = topId - belowId;
        if (read <= 0 || spentMillis <= 0) {
            return null;
        }
        long rest = Math.max(0, belowId - 1);
        return Duration.ofMillis((long) ((double) spentMillis / read * rest));
    }
}
