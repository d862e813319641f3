package io.rapport.sla.internal;

import io.rapport.common.BusinessCalendar;
import io.rapport.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ticket's running targets and how they move (ADR 25): pure, so the rules are unit-tested without a database. A due
 * time is null while that target is not running: met, not started, or stopped because the ticket waits on the customer
 * (pending) or was solved; then the business time that was left is kept and given back when the ticket moves again.
 */
public record SlaState(
        long ticketId,
        long policyId,
        String policyName,
        Long calendarId,
        Instant firstResponseDueAt,
        Instant firstRespondedAt,
        Instant nextResponseDueAt,
        Instant solutionDueAt,
        Long solutionLeftSeconds,
        Instant solvedAt,
        Instant pausedSince) {

    /** A warning comes when this little business time is left: a quarter of the target, at most 30 minutes. */
    static Duration warnBefore(int targetMinutes) {
        return Duration.ofMinutes(targetMinutes).dividedBy(4).compareTo(Duration.ofMinutes(30)) < 0
                ? Duration.ofMinutes(targetMinutes).dividedBy(4)
                : Duration.ofMinutes(30);
    }

    /** Targets of a new ticket; one an agent opened by writing to the customer has had its first response. */
    static SlaState opened(
            long ticketId,
            long policyId,
            String policyName,
            Long calendarId,
            int firstMinutes,
            int solutionMinutes,
            BusinessCalendar calendar,
            Instant createdAt,
            boolean agentWroteFirst) {
        return new SlaState(
                ticketId,
                policyId,
                policyName,
                calendarId,
                agentWroteFirst ? null : calendar.plus(createdAt, Duration.ofMinutes(firstMinutes)),
                agentWroteFirst ? createdAt : null,
                null,
                calendar.plus(createdAt, Duration.ofMinutes(solutionMinutes)),
                null,
                null,
                null);
    }

    /** An agent's public reply: the first response (if it is) and any next response are met. */
    SlaState agentReplied(Instant at) {
        return new SlaState(
                ticketId,
                policyId,
                policyName,
                calendarId,
                firstRespondedAt == null ? null : firstResponseDueAt,
                firstRespondedAt == null ? at : firstRespondedAt,
                null,
                solutionDueAt,
                solutionLeftSeconds,
                solvedAt,
                pausedSince);
    }

    /** The customer wrote: after the first response, a next response is due (unless one already is). */
    SlaState customerWrote(Instant at, Integer nextMinutes, BusinessCalendar calendar) {
        if (firstRespondedAt == null || nextMinutes == null || nextResponseDueAt != null) {
            return this;
        }
        return withNextResponse(calendar.plus(at, Duration.ofMinutes(nextMinutes)));
    }

    /**
     * Waiting on the customer (pending) or solved: the solution clock stops, keeping what was left. A solution already
     * missed keeps its due time, so a reopening starts no second one and no second breach.
     */
    SlaState stopped(Instant at, BusinessCalendar calendar, boolean solved) {
        boolean missed = solutionDueAt != null && !solutionDueAt.isAfter(at);
        Long left = missed
                ? null
                : solutionDueAt != null ? calendar.between(at, solutionDueAt).toSeconds() : solutionLeftSeconds;
        return new SlaState(
                ticketId,
                policyId,
                policyName,
                calendarId,
                solved ? null : firstResponseDueAt,
                firstRespondedAt,
                null,
                missed ? solutionDueAt : null,
                left,
                solved ? at : solvedAt,
                missed || pausedSince != null ? pausedSince : at);
    }

    /** Open again (the customer answered, or the solution was not one): the solution clock runs on. */
    SlaState resumed(Instant at, BusinessCalendar calendar) {
        if (solutionLeftSeconds == null) {
            return this;
        }
        return new SlaState(
                ticketId,
                policyId,
                policyName,
                calendarId,
                firstResponseDueAt,
                firstRespondedAt,
                nextResponseDueAt,
                calendar.plus(at, Duration.ofSeconds(solutionLeftSeconds)),
                null,
                null,
                null);
    }

    /** Closed or merged: nothing runs any more. */
    SlaState ended() {
        return new SlaState(
                ticketId, policyId, policyName, calendarId, null, firstRespondedAt, null, null, null, solvedAt, null);
    }

    private SlaState withNextResponse(Instant due) {
        return new SlaState(
                ticketId,
                policyId,
                policyName,
                calendarId,
                firstResponseDueAt,
                firstRespondedAt,
                due,
                solutionDueAt,
                solutionLeftSeconds,
                solvedAt,
                pausedSince);
    }

    /** The running targets with their due times. */
    Map<Target, Instant> running() {
        Map<Target, Instant> running = new java.util.EnumMap<>(Target.class);
        if (firstResponseDueAt != null) {
            running.put(Target.FIRST_RESPONSE, firstResponseDueAt);
        }
        if (nextResponseDueAt != null) {
            running.put(Target.NEXT_RESPONSE, nextResponseDueAt);
        }
        if (solutionDueAt != null) {
            running.put(Target.SOLUTION, solutionDueAt);
        }
        return running;
    }

    /** What is due at {@code now}: a breach for each target past due, a warning for each close to it. */
    record Due(List<Target> breaches, List<Target> warnings) {}

    Due due(
            Instant now,
            BusinessCalendar calendar,
            Map<Target, Integer> minutes,
            Set<String> breached,
            Set<String> warned) {
        List<Target> breaches = new ArrayList<>();
        List<Target> warnings = new ArrayList<>();
        running().forEach((target, at) -> {
            String key = key(target, at);
            if (!now.isBefore(at)) {
                if (!breached.contains(key)) {
                    breaches.add(target);
                }
            } else if (!warned.contains(key)
                    && calendar.between(now, at).compareTo(warnBefore(minutes.getOrDefault(target, 60))) <= 0) {
                warnings.add(target);
            }
        });
        return new Due(breaches, warnings);
    }

    /** When to look again: the next warning or due time not yet handled; null when nothing is left to watch. */
    Instant nextCheck(
            Instant now,
            BusinessCalendar calendar,
            Map<Target, Integer> minutes,
            Set<String> breached,
            Set<String> warned) {
        Instant next = null;
        for (var e : running().entrySet()) {
            Instant at = e.getValue();
            String key = key(e.getKey(), at);
            if (breached.contains(key)) {
                continue;
            }
            Instant when = at;
            if (!warned.contains(key) && now.isBefore(at)) {
                Duration left = calendar.between(now, at).minus(warnBefore(minutes.getOrDefault(e.getKey(), 60)));
                when = left.isNegative() || left.isZero() ? now : calendar.plus(now, left);
                if (when.isAfter(at)) {
                    when = at;
                }
            }
            if (next == null || when.isBefore(next)) {
                next = when;
            }
        }
        return next;
    }

    /** A target at one due time: a breach or warning is recorded once per target and due time. */
    static String key(Target target, Instant due) {
        return target.code() + "@" + due.toEpochMilli();
    }
}
