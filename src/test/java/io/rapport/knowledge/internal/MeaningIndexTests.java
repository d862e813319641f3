package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.SearchHit;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meaning vectors in the index (ADR 31), with the real model: the solved tickets nearest in meaning are found through
 * the index's vectors, and similar tickets fuse them with the ones that share words, so a solved ticket that says the
 * same in other words is suggested. Tickets without a vector are found by their words only.
 */
class MeaningIndexTests {

    @TempDir
    Path dir;

    static final String[] SOLVED = {
        "Our bird shrieks loudly after dark", // the same problem as the question, in other words
        "The parcel with my order never arrived",
        "How do I change the password of my account",
        "I was charged twice for one purchase",
        "The app crashes when I open the settings",
        "Export stops with error E4471 halfway"
    };

    static TicketDocument ticket(long id, String text, TicketStatus status) {
        return SearchIndexCountTests.ticket(id, text, text, status);
    }

    SearchIndex index(boolean withVectors) {
        SearchIndex index = new SearchIndex(dir.resolve(withVectors ? "with" : "without"), List.of("en"));
        SearchIndex.Builder builder = index.startRebuild();
        List<TicketDocument> docs = new ArrayList<>();
        Map<Long, float[]> meanings = new HashMap<>();
        for (int i = 0; i < SOLVED.length; i++) {
            TicketDocument d = ticket(i + 1, SOLVED[i], TicketStatus.SOLVED);
            docs.add(d);
            if (withVectors) {
                meanings.put(d.id(), Meaning.of(Meaning.problemText(d)));
            }
        }
        // the same problem again, still open: never a similar solved ticket
        TicketDocument open = ticket(9, "My parrot shrieks all night", TicketStatus.OPEN);
        docs.add(open);
        if (withVectors) {
            meanings.put(open.id(), Meaning.of(Meaning.problemText(open)));
        }
        builder.tickets(docs, Map.of(1L, new CustomerRef(1, "ada@example.com", "Ada", "en")), meanings);
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        return index;
    }

    static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    @Test
    void theSolvedTicketNearestInMeaningIsFoundThoughNoWordIsShared() {
        String question = "My parrot will not stop screaming at night";
        float[] meaning = Meaning.of(question);
        try (SearchIndex index = index(true)) {
            var filter = SearchIndex.solvedTicketsOtherThan(50);

            assertThat(ids(index.nearest(meaning, filter, 3))).first().isEqualTo(1L);
            assertThat(ids(index.similar(question, "en", filter, 5)))
                    .as("by words alone: nothing is shared")
                    .doesNotContain(1L);
            List<SearchHit> fused = index.similar(question, "en", meaning, filter, 5);
            assertThat(ids(fused)).first().isEqualTo(1L);
            assertThat(ids(fused)).as("an open ticket is not a solved one").doesNotContain(9L);
            assertThat(fused.getFirst().snippet()).contains("shrieks");
        }
    }

    @Test
    void aTicketFoundByWordsAndByMeaningComesBeforeOneFoundByEither() {
        String question = "I was charged two times for the same purchase";
        try (SearchIndex index = index(true)) {
            List<SearchHit> fused =
                    index.similar(question, "en", Meaning.of(question), SearchIndex.solvedTicketsOtherThan(50), 5);
            assertThat(ids(fused)).first().isEqualTo(4L);
        }
    }

    @Test
    void aRareCodeTheWordsShareStillCountsBesideMeaning() {
        String question = "Getting E4471 again today";
        try (SearchIndex index = index(true)) {
            List<SearchHit> fused =
                    index.similar(question, "en", Meaning.of(question), SearchIndex.solvedTicketsOtherThan(50), 5);
            assertThat(ids(fused)).first().isEqualTo(6L);
        }
    }

    @Test
    void withoutVectorsWordsAloneDecide() {
        String question = "The parcel did not arrive";
        try (SearchIndex index = index(false)) {
            var filter = SearchIndex.solvedTicketsOtherThan(50);
            assertThat(index.nearest(Meaning.of(question), filter, 3)).isEmpty();
            assertThat(ids(index.similar(question, "en", Meaning.of(question), filter, 5)))
                    .containsExactly(2L);
        }
    }
}
