package io.rapport.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.common.BusinessCalendar;
import io.rapport.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a ticket's SLA clocks move (ADR 25): targets on business hours, the solution clock stopped while the ticket waits
 * on the customer and given back when it moves again, warnings a quarter of the target (at most 30 minutes) before
 * the due time, each breach and warning once per target and due time.
 */
class SlaStateTests {

    /** Monday to Friday 09:00-17:00 in Berlin; 2026-12-25 closed. */
    static final BusinessCalendar OFFICE = BusinessCalendar.of(
            "Europe/Berlin",
            Map.of(
                    "mon", List.of("09:00-17:00"),
                    "tue", List.of("09:00-17:00"),
                    "wed", List.of("09:00-17:00"),
                    "thu", List.of("09:00-17:00"),
                    "fri", List.of("09:00-17:00")),
            List.of("2026-12-25"));

    static final Map<Target, Integer> MINUTES =
            Map.of(Target.FIRST_RESPONSE, 60, Target.NEXT_RESPONSE, 120, Target.SOLUTION, 8 * 60);

    /** Friday 2026-11-27 16:30 in Berlin (15:30 UTC). */
    static final Instant FRIDAY_LATE = Instant.parse("2026-11-27T15:30:00Z");

    private static SlaState opened(Instant at) {
        return SlaState.opened(7, 1, "Standard", null, 60, 8 * 60, OFFICE, at, false);
    }

    @Test
    void targetsCountBusinessHoursOverTheWeekend() {
        SlaState s = opened(FRIDAY_LATE);
        assertThat(s.firstResponseDueAt())
                .as("30 minutes on Friday, 30 on Monday morning")
                .isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
        assertThat(s.solutionDueAt())
                .as("8 business hours: 30 minutes Friday, 7.5 hours Monday")
                .isEqualTo(Instant.parse("2026-11-30T15:30:00Z"));
    }

    @Test
    void anAgentWhoWritesFirstHasGivenTheFirstResponse() {
        SlaState s = SlaState.opened(7, 1, "Standard", null, 60, 480, OFFICE, FRIDAY_LATE, true);
        assertThat(s.firstResponseDueAt()).isNull();
        assertThat(s.firstRespondedAt()).isEqualTo(FRIDAY_LATE);
        assertThat(s.running()).containsOnlyKeys(Target.SOLUTION);
    }

    @Test
    void aReplyMeetsTheFirstResponseAndACustomerMessageStartsTheNext() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z"); // 09:00 Berlin
        SlaState s = opened(monday).agentReplied(monday.plusSeconds(600));
        assertThat(s.firstResponseDueAt()).isNull();
        assertThat(s.firstRespondedAt()).isEqualTo(monday.plusSeconds(600));
        assertThat(s.customerWrote(monday.plusSeconds(3600), null, OFFICE).nextResponseDueAt())
                .as("a policy without a next-response target starts none")
                .isNull();
        s = s.customerWrote(monday.plusSeconds(3600), 120, OFFICE);
        assertThat(s.nextResponseDueAt()).isEqualTo(monday.plusSeconds(3600 + 7200));
        assertThat(s.customerWrote(monday.plusSeconds(4000), 120, OFFICE).nextResponseDueAt())
                .as("a second message does not push the due time back")
                .isEqualTo(s.nextResponseDueAt());
        assertThat(s.agentReplied(monday.plusSeconds(5000)).nextResponseDueAt()).isNull();
    }

    @Test
    void waitingOnTheCustomerStopsTheSolutionClockAndKeepsWhatWasLeft() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z"); // 09:00 Berlin, 8 hours due 17:00
        SlaState s = opened(monday).agentReplied(monday.plusSeconds(1800));
        SlaState pending = s.stopped(monday.plus(Duration.ofHours(2)), OFFICE, false);
        assertThat(pending.solutionDueAt()).isNull();
        assertThat(pending.solutionLeftSeconds()).isEqualTo(Duration.ofHours(6).toSeconds());
        assertThat(pending.pausedSince()).isEqualTo(monday.plus(Duration.ofHours(2)));
        assertThat(pending.running()).isEmpty();

        // the customer answers on Thursday 10:00 Berlin (09:00 UTC): six business hours from then, 16:00 Berlin
        SlaState resumed = pending.resumed(Instant.parse("2026-12-03T09:00:00Z"), OFFICE);
        assertThat(resumed.solutionDueAt()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(resumed.pausedSince()).isNull();
        assertThat(resumed.solutionLeftSeconds()).isNull();
    }

    @Test
    void aSolvedTicketReopenedGetsItsRemainingTimeBackAndAClosedOneEndsEverything() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z");
        SlaState solved = opened(monday).stopped(monday.plus(Duration.ofHours(1)), OFFICE, true);
        assertThat(solved.firstResponseDueAt())
                .as("solved without a reply: nothing more to answer")
                .isNull();
        assertThat(solved.solvedAt()).isEqualTo(monday.plus(Duration.ofHours(1)));
        assertThat(solved.solutionLeftSeconds()).isEqualTo(Duration.ofHours(7).toSeconds());
        // reopened on Christmas Day (closed): the seven hours start on the 28th, 09:00 Berlin
        SlaState reopened = solved.resumed(Instant.parse("2026-12-25T10:00:00Z"), OFFICE);
        assertThat(reopened.solutionDueAt()).isEqualTo(Instant.parse("2026-12-28T15:00:00Z"));
        assertThat(reopened.solvedAt()).isNull();
        assertThat(reopened.ended().running()).isEmpty();
    }

    @Test
    void aPastDueTargetIsBreachedOnceAndACloseOneWarnedOnce() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z");
        SlaState s = opened(monday);
        Instant due = s.firstResponseDueAt(); // 10:00 Berlin
        String key = SlaState.key(Target.FIRST_RESPONSE, due);

        assertThat(s.due(monday.plusSeconds(600), OFFICE, MINUTES, Set.of(), Set.of())
                        .warnings())
                .as("50 minutes left of 60: no warning yet")
                .isEmpty();
        assertThat(s.nextCheck(monday.plusSeconds(600), OFFICE, MINUTES, Set.of(), Set.of()))
                .as("look again when 15 minutes (a quarter) are left")
                .isEqualTo(due.minus(Duration.ofMinutes(15)));
        assertThat(s.due(due.minus(Duration.ofMinutes(10)), OFFICE, MINUTES, Set.of(), Set.of())
                        .warnings())
                .containsExactly(Target.FIRST_RESPONSE);
        assertThat(s.due(due.minus(Duration.ofMinutes(10)), OFFICE, MINUTES, Set.of(), Set.of(key))
                        .warnings())
                .as("warned once")
                .isEmpty();
        assertThat(s.nextCheck(due.minus(Duration.ofMinutes(10)), OFFICE, MINUTES, Set.of(), Set.of(key)))
                .isEqualTo(due);
        assertThat(s.due(due, OFFICE, MINUTES, Set.of(), Set.of(key)).breaches())
                .containsExactly(Target.FIRST_RESPONSE);
        assertThat(s.due(due.plusSeconds(60), OFFICE, MINUTES, Set.of(key), Set.of(key))
                        .breaches())
                .as("breached once")
                .isEmpty();
        assertThat(s.nextCheck(due.plusSeconds(60), OFFICE, MINUTES, Set.of(key), Set.of(key)))
                .as("the solution is next")
                .isEqualTo(s.solutionDueAt().minus(Duration.ofMinutes(30)));
    }

    @Test
    void aSolutionAlreadyMissedStaysMissedThroughPendingAndReopening() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z");
        SlaState s = opened(monday);
        Instant due = s.solutionDueAt();
        String key = SlaState.key(Target.SOLUTION, due);
        SlaState pending = s.stopped(due.plusSeconds(3600), OFFICE, false);
        assertThat(pending.solutionDueAt()).as("the missed due time stays").isEqualTo(due);
        SlaState reopened = pending.resumed(due.plusSeconds(7200), OFFICE);
        assertThat(reopened.solutionDueAt()).isEqualTo(due);
        assertThat(reopened.due(due.plusSeconds(7200), OFFICE, MINUTES, Set.of(key), Set.of(key))
                        .breaches())
                .as("no second breach of the solution")
                .doesNotContain(Target.SOLUTION);
    }

    @Test
    void warningsComeAQuarterBeforeAtMostHalfAnHour() {
        assertThat(SlaState.warnBefore(20)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SlaState.warnBefore(60)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SlaState.warnBefore(8 * 60)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aWarningThatFallsOvernightComesWhenBusinessTimeRunsShort() {
        // opened Friday 16:30 Berlin: the first response is due Monday 09:30; its warning (15 minutes before, in
        // business time) is Monday 09:15, not Friday night
        SlaState s = opened(FRIDAY_LATE);
        assertThat(s.nextCheck(FRIDAY_LATE, OFFICE, MINUTES, Set.of(), Set.of()))
                .isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
    }
}
