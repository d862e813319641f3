package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How much of a saved reply an agent changed: the share of its words replaced, added or removed. */
class SavedRepliesTests {

    @Test
    void sentAsItWasIsNothingChangedAndRewrittenIsAllOfIt() {
        String reply = "Hello Anna, your refund is on its way and arrives within 5 days.";
        assertThat(SavedReplies.changedPercent(reply, reply)).isZero();
        assertThat(SavedReplies.changedPercent(
                        reply, "  Hello anna,  your refund is on its way and arrives within 5 days."))
                .as("case and spacing are no change")
                .isZero();
        assertThat(SavedReplies.changedPercent(reply, "We cannot refund this order, sorry."))
                .isEqualTo(92);
        assertThat(SavedReplies.changedPercent(reply, "")).isEqualTo(100);
        assertThat(SavedReplies.changedPercent("", "")).isZero();
    }

    @Test
    void aFewWordsChangedIsAFewPercent() {
        String reply = "Hello Anna, your refund is on its way and arrives within 5 days.";
        // one word of 13 replaced
        assertThat(SavedReplies.changedPercent(
                        reply, "Hello Anna, your refund is on its way and arrives within 3 days."))
                .isEqualTo(8);
        // a sentence of 4 words added to 13: 4 of 17
        assertThat(SavedReplies.changedPercent(reply, reply + " Sorry for the wait."))
                .isEqualTo(24);
    }
}
