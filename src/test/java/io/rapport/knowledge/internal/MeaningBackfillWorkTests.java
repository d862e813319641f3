package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.knowledge.MeaningBackfillStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backfill's throttle, how far it has come and its estimate of the time left (ADR 33). */
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
    void howFarItHasComeIsTheShareOfTicketIdsReadFromTheTopDown() {
        // started above ticket 1,000 (top 1,001): 1,000 tickets to read
        assertThat(MeaningBackfillStatus.percent(1_001, 1_001))
                .as("nothing read yet")
                .isZero();
        assertThat(MeaningBackfillStatus.percent(1_001, 751))
                .as("250 of 1,000 read")
                .isEqualTo(25);
        assertThat(MeaningBackfillStatus.percent(1_001, 1))
                .as("down to the first")
                .isEqualTo(100);
        assertThat(MeaningBackfillStatus.percent(1, 1))
                .as("a desk without tickets")
                .isEqualTo(100);
    }

    @Test
    void theTimeLeftIsTheTimeSpentPerTicketReadTimesThoseLeft() {
        assertThat(MeaningBackfillStatus.left(60_000, 1_001, 901))
                .as("100 read in a minute, 900 left")
                .isEqualTo(Duration.ofMinutes(9));
        assertThat(MeaningBackfillStatus.left(0, 1_001, 1_001))
                .as("nothing read: unknown")
                .isNull();
        assertThat(MeaningBackfillStatus.left(5_000, 11, 1)).isEqualTo(Duration.ZERO);
    }
}
