package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.SearchResults;
import io.rapport.knowledge.Searcher;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Visibility;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a search costs stays bounded on a big desk (issue 10, point 7): matches are counted exactly up to
 * {@link SearchIndex#COUNT_UP_TO} and past that the total says "at least"; the word being typed is looked for as a
 * prefix of the words as written, and still found through its stem when complete.
 */
class SearchIndexCountTests {

    @TempDir
    Path dir;

    static TicketDocument ticket(long id, String text) {
        return ticket(id, "Ticket " + id, text, TicketStatus.OPEN);
    }

    /** An English ticket of customer 1 with one public message from the customer. */
    static TicketDocument ticket(long id, String subject, String text, TicketStatus status) {
        return new TicketDocument(
                id,
                1000 + id,
                subject,
                status,
                Channel.EMAIL,
                Priority.NORMAL,
                1,
                null,
                null,
                "en",
                Set.of(),
                null,
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:00Z"),
                List.of(new TicketDocument.Text(id, Visibility.PUBLIC, AuthorType.CUSTOMER, text)));
    }

    SearchIndex index(int tickets, String text) {
        SearchIndex index = new SearchIndex(dir, List.of("en", "de"));
        SearchIndex.Builder builder = index.startRebuild();
        List<TicketDocument> batch = new ArrayList<>();
        for (long id = 1; id <= tickets; id++) {
            batch.add(ticket(id, text));
            if (batch.size() == 1_000) {
                builder.tickets(batch, Map.of(1L, new CustomerRef(1, "Ada", "ada@example.com", "en")));
                batch.clear();
            }
        }
        builder.tickets(batch, Map.of());
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        return index;
    }

    @Test
    void aCommonWordIsCountedUpToTheCapAndThenSaidToBeAtLeastThat() {
        try (SearchIndex index = index(SearchIndex.COUNT_UP_TO + 500, "My card payments were declined")) {
            SearchResults common = index.search(SearchRequest.of("card"), Searcher.staff());
            assertThat(common.items()).hasSize(20);
            assertThat(common.total())
                    .as("counted at least up to the cap")
                    .isGreaterThanOrEqualTo(SearchIndex.COUNT_UP_TO);
            assertThat(common.totalAtLeast() ? common.total() : SearchIndex.COUNT_UP_TO + 500L)
                    .as("past the cap, counted in blocks and said to be at least that, or exact")
                    .isBetween((long) SearchIndex.COUNT_UP_TO, (long) SearchIndex.COUNT_UP_TO + 500);
            assertThat(common.total() == SearchIndex.COUNT_UP_TO + 500L || common.totalAtLeast())
                    .as("a count short of every match says 'at least'")
                    .isTrue();

            SearchResults one = index.search(SearchRequest.of("\"Ticket 77\""), Searcher.staff());
            assertThat(one.totalAtLeast()).as("a count under the cap is exact").isFalse();
            assertThat(one.total()).isEqualTo(1);
        }
    }

    @Test
    void theWordBeingTypedIsAPrefixOfWrittenWordsAndACompleteWordAlsoFindsItsStem() {
        try (SearchIndex index = index(3, "My card payments were declined")) {
            assertThat(index.search(SearchRequest.of("decl"), Searcher.staff()).total())
                    .as("a prefix of the written word")
                    .isEqualTo(3);
            assertThat(index.search(SearchRequest.of("payment "), Searcher.staff())
                            .total())
                    .as("a finished word finds 'payments' through its stem")
                    .isEqualTo(3);
            assertThat(index.search(SearchRequest.of("declin*"), Searcher.staff())
                            .total())
                    .isEqualTo(3);
            var prefix = index.words("decl", true, false).toString();
            assertThat(prefix).contains("subject:decl*").doesNotContain("public_stem:decl*");
            assertThat(index.words("payments ", true, false).toString())
                    .as("one clause per distinct stem: English and German agree on 'payment'")
                    .containsOnlyOnce("public_stem:payment");
        }
    }

    @Test
    void aPrefixStandsForItsMostFrequentCompletionsNotTheFirstInTheAlphabet() {
        String[] rare = {"cab", "cabin", "cable", "cactus", "cadet", "cafe", "cage", "cake", "calf", "call", "calm"};
        SearchIndex index = new SearchIndex(dir, List.of("en", "de"));
        SearchIndex.Builder builder = index.startRebuild();
        List<TicketDocument> docs = new ArrayList<>();
        for (int i = 0; i < rare.length; i++) {
            docs.add(ticket(i + 1, "Something about a " + rare[i]));
        }
        for (int i = 0; i < 20; i++) {
            docs.add(ticket(100 + i, "My card does not work"));
        }
        builder.tickets(docs, Map.of(1L, new CustomerRef(1, "Ada", "ada@example.com", "en")));
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        try (index) {
            SearchResults typed = index.search(SearchRequest.of("ca"), Searcher.staff());
            assertThat(typed.total())
                    .as("'card' (in 20 tickets) and the 9 rarer completions first in the alphabet")
                    .isEqualTo(20 + SearchIndex.PREFIX_COMPLETIONS - 1);
        }
    }

    @Test
    void anIndexWrittenWithAnotherLayoutIsNotOpenedSoTheNodeRebuildsIt() throws Exception {
        index(3, "My card payments were declined").close();
        SearchIndex same = new SearchIndex(dir, List.of("en", "de"));
        assertThat(same.open()).isTrue();
        same.close();

        // what an earlier version left: a commit without this layout's mark
        Path generation = dir.resolve(
                java.nio.file.Files.readString(dir.resolve("current")).strip());
        try (var directory = org.apache.lucene.store.FSDirectory.open(generation);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(SearchIndex.COMMIT_CHANGE, "7").entrySet());
            writer.commit();
        }
        SearchIndex older = new SearchIndex(dir, List.of("en", "de"));
        assertThat(older.open()).isFalse();
    }
}
