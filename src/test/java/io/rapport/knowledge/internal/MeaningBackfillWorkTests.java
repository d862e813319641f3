package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.knowledge.MeaningBackfillStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backfill's throttle and its estimate of the time left (ADR 33). */
class MeaningBackfillWorkTests {

    @Test
    void workTakesTheGivenShareOfTheTime() {
        assertThat(MeaningBackfillWork.pause(100, 0.5))
                .as("half: wait as long as it worked")
                .isEqualTo(100);
        assertThat(MeaningBackfillWork.pause(100, 0.25))
                .as("a quarter: wait three times as long")
                .isEqualTo(300);
        assertThat(MeaningBackfillWork.pause(100, 1))
                .as("all of it: never wait")
                .isZero();
        assertThat(MeaningBackfillWork.pause(-5, 0.5))
                .as("a clock going back is no work")
                .isZero();
    }

    @Test
    void theTimeLeftIsTheTimeSpentPerTicketTimesThoseLeft() {
        assertThat(MeaningBackfillStatus.left(60_000, 100, 1_100)).isEqualTo(Duration.ofMinutes(10));
        assertThat(MeaningBackfillStatus.left(0, 0, 1_000))
                .as("nothing looked at: unknown")
                .isNull();
        assertThat(MeaningBackfillStatus.left(5_000, 10, 10)).isEqualTo(Duration.ZERO);
        assertThat(MeaningBackfillStatus.left(5_000, 12, 10))
                .as("more than counted: none left")
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void percentIsOfWhatWasCountedAtTheStart() {
        var running =
                new MeaningBackfillStatus(MeaningBackfillStatus.State.RUNNING, 400, 100, 30, null, null, null, null);
        assertThat(running.percent()).isEqualTo(25);
        var doneWithNone = new MeaningBackfillStatus(MeaningBackfillStatus.State.DONE, 0, 0, 0, null, null, null, null);
        assertThat(doneWithNone.percent()).isEqualTo(100);
    }
}
