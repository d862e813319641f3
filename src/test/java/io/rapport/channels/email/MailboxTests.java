package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a mailbox is fetched next: its interval, doubled for each failure in a row, at most 15 minutes. */
class MailboxTests {

    private static final Instant LAST = Instant.parse("2026-11-29T10:00:00Z");

    private static Mailbox mailbox(Instant lastPoll, int pollSeconds, int failures) {
        Mailbox.Server server = new Mailbox.Server("127.0.0.1", 1, Security.NONE, "u", true);
        return new Mailbox(
                1,
                "m",
                "m@desk.test",
                server,
                "INBOX",
                server,
                pollSeconds,
                true,
                lastPoll,
                null,
                null,
                false,
                0,
                failures,
                0,
                LAST,
                LAST);
    }

    @Test
    void aNewMailboxIsDueAtOnce() {
        assertThat(mailbox(null, 30, 0).nextPollAt()).isBefore(LAST);
    }

    @Test
    void aHealthyMailboxWaitsItsInterval() {
        assertThat(mailbox(LAST, 30, 0).nextPollAt()).isEqualTo(LAST.plusSeconds(30));
    }

    @Test
    void eachFailureInARowDoublesTheWaitUpToFifteenMinutes() {
        assertThat(mailbox(LAST, 30, 1).nextPollAt()).isEqualTo(LAST.plusSeconds(60));
        assertThat(mailbox(LAST, 30, 3).nextPollAt()).isEqualTo(LAST.plusSeconds(240));
        assertThat(mailbox(LAST, 30, 10).nextPollAt()).isEqualTo(LAST.plusSeconds(900));
        assertThat(mailbox(LAST, 3600, 2).nextPollAt()).isEqualTo(LAST.plusSeconds(3600));
    }
}
