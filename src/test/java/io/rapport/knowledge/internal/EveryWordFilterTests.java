package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.Searcher;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Visibility;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that must match several things also filters on one unscored field of every word (ADR 26, revised a third
 * time), so Lucene walks short lists first. A filter finds what its word finds, or more: whatever field, stem or
 * completion a word is found by, the filter lets the document through, and it never lets anyone read more.
 */
class EveryWordFilterTests {

    @TempDir
    Path dir;

    static TicketDocument ticket(long id, long customer, String subject, String shown, String note) {
        List<TicketDocument.Text> texts = new java.util.ArrayList<>();
        texts.add(new TicketDocument.Text(id * 10, Visibility.PUBLIC, AuthorType.CUSTOMER, shown));
        if (note != null) {
            texts.add(new TicketDocument.Text(id * 10 + 1, Visibility.INTERNAL, AuthorType.AGENT, note));
        }
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        return new TicketDocument(
                id,
                5000 + id,
                subject,
                TicketStatus.OPEN,
                Channel.EMAIL,
                Priority.NORMAL,
                customer,
                null,
                null,
                "en",
                Set.of(),
                null,
                at,
                at,
                texts);
    }

    SearchIndex index() {
        SearchIndex index = new SearchIndex(dir, List.of("en", "de"));
        SearchIndex.Builder builder = index.startRebuild();
        Map<Long, CustomerRef> customers = Map.of(
                1L, new CustomerRef(1, "Ada Lovelace", "ada@example.com", "en"),
                2L, new CustomerRef(2, "Wilhelmina Quist", "w.quist@example.com", "en"));
        builder.tickets(
                List.of(
                        ticket(1, 1, "Parcel zebra", "Nothing else to say", "the quokka was seen at the depot"),
                        ticket(2, 1, "Parcel zebra", "My payments failed twice", null),
                        ticket(3, 2, "Parcel zebra", "Where is it", null),
                        ticket(4, 1, "Parcel zebra", "The kangaroos jumped the fence", null),
                        ticket(5, 1, "Parcel zebra", "A card payment went through", null),
                        ticket(6, 1, "Parcel", "Nothing about the animal", null)),
                customers);
        builder.customers(customers.values());
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        return index;
    }

    static List<Long> ids(List<SearchHit> hits) {
        return hits.stream()
                .filter(h -> h.type().equals("ticket"))
                .map(SearchHit::id)
                .sorted()
                .toList();
    }

    @Test
    void aSecondWordIsFoundWhereverTheSearchFindsItAndNowhereElse() {
        try (SearchIndex index = index()) {
            Searcher staff = Searcher.staff();
            assertThat(ids(index.search(SearchRequest.of("zebra quokka"), staff).items()))
                    .as("in an internal note")
                    .containsExactly(1L);
            assertThat(ids(index.search(SearchRequest.of("zebra payment "), staff)
                            .items()))
                    .as("through its stem: 'payments', and 'payment' in a phrase")
                    .containsExactly(2L, 5L);
            assertThat(ids(index.search(SearchRequest.of("zebra quist"), staff).items()))
                    .as("in the customer's name")
                    .containsExactly(3L);
            assertThat(ids(index.search(SearchRequest.of("zebra kangaro"), staff)
                            .items()))
                    .as("as the start of a word being typed")
                    .containsExactly(4L);
            assertThat(ids(index.search(SearchRequest.of("zebra \"card payment\""), staff)
                            .items()))
                    .as("a phrase")
                    .containsExactly(5L);
            assertThat(ids(index.search(SearchRequest.of("\"card payment\" parcel -zebra"), staff)
                            .items()))
                    .as("an excluded word is not a filter")
                    .isEmpty();
            assertThat(ids(index.search(SearchRequest.of("parcel -zebra"), staff)
                            .items()))
                    .containsExactly(6L);
            assertThat(ids(index.search(SearchRequest.of("zebra walrus"), staff).items()))
                    .isEmpty();
        }
    }

    @Test
    void theFilterHoldsInternalNotesButACustomerStillFindsOnlyWhatTheyMayRead() {
        try (SearchIndex index = index()) {
            assertThat(ids(index.search(SearchRequest.of("zebra quokka"), Searcher.customer(1))
                            .items()))
                    .as("the note's word is in the filter's field, but not in what the customer may read")
                    .isEmpty();
            assertThat(ids(index.search(SearchRequest.of("zebra kangaroos"), Searcher.customer(1))
                            .items()))
                    .containsExactly(4L);
            assertThat(ids(index.search(SearchRequest.of("zebra kangaroos"), Searcher.customer(2))
                            .items()))
                    .as("another customer's ticket")
                    .isEmpty();
        }
    }

    @Test
    void theFiltersNeverChangeWhatIsFoundNorItsOrder() {
        // a desk in English, German and no known language, with notes and customers, and a few hundred searches of
        // every shape a person types: each finds the same, in the same order, with the filters and without
        String[] words = {
            "card",
            "cards",
            "payment",
            "payments",
            "paid",
            "Zahlung",
            "Zahlungen",
            "Karte",
            "Karten",
            "refund",
            "refunds",
            "declined",
            "declines",
            "is",
            "the",
            "die",
            "ist",
            "quokka",
            "Lisbon",
            "hotel"
        };
        String[] languages = {"en", "de", null};
        java.util.Random random = new java.util.Random(11);
        SearchIndex index = new SearchIndex(dir, List.of("en", "de"));
        SearchIndex.Builder builder = index.startRebuild();
        Map<Long, CustomerRef> customers = new java.util.HashMap<>();
        for (long c = 1; c <= 5; c++) {
            String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            customers.put(c, new CustomerRef(c, name, "c" + c + "@example.com", "en"));
        }
        List<TicketDocument> tickets = new java.util.ArrayList<>();
        for (long id = 1; id <= 80; id++) {
            Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(id);
            List<TicketDocument.Text> texts = new java.util.ArrayList<>();
            texts.add(
                    new TicketDocument.Text(id * 10, Visibility.PUBLIC, AuthorType.CUSTOMER, sentence(words, random)));
            if (random.nextInt(3) == 0) {
                texts.add(new TicketDocument.Text(
                        id * 10 + 1, Visibility.INTERNAL, AuthorType.AGENT, sentence(words, random)));
            }
            tickets.add(new TicketDocument(
                    id,
                    7000 + id,
                    sentence(words, random),
                    TicketStatus.OPEN,
                    Channel.EMAIL,
                    Priority.NORMAL,
                    1 + random.nextInt(5),
                    null,
                    null,
                    languages[random.nextInt(languages.length)],
                    Set.of(),
                    null,
                    at,
                    at,
                    texts));
        }
        builder.tickets(tickets, customers);
        builder.customers(customers.values());
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        try (index) {
            int compared = 0;
            for (int i = 0; i < 300; i++) {
                String q = query(words, random);
                for (Searcher who : List.of(Searcher.staff(), Searcher.customer(1 + random.nextInt(5)))) {
                    var filtered = index.search(SearchRequest.of(q), who);
                    var unfiltered = index.searchUnfiltered(SearchRequest.of(q), who);
                    assertThat(filtered.items())
                            .extracting(h -> h.type() + ":" + h.id())
                            .as("%s, as %s", q, who)
                            .containsExactlyElementsOf(unfiltered.items().stream()
                                    .map(h -> h.type() + ":" + h.id())
                                    .toList());
                    assertThat(filtered.total()).as("%s, as %s", q, who).isEqualTo(unfiltered.total());
                    compared += filtered.items().isEmpty() ? 0 : 1;
                }
            }
            assertThat(compared).as("many searches find something").isGreaterThan(100);
        }
    }

    private static String sentence(String[] words, java.util.Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            out.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return out.toString();
    }

    /** One, two or three words; some being typed, some quoted, excluded, either-or, a prefix or a ticket number. */
    private static String query(String[] words, java.util.Random random) {
        String a = words[random.nextInt(words.length)].toLowerCase(java.util.Locale.ROOT);
        String b = words[random.nextInt(words.length)].toLowerCase(java.util.Locale.ROOT);
        String c = words[random.nextInt(words.length)].toLowerCase(java.util.Locale.ROOT);
        return switch (random.nextInt(10)) {
            case 0 -> a;
            case 1 -> a + " " + b;
            case 2 -> a + " " + b + " ";
            case 3 -> a + " " + b + " " + c;
            case 4 -> "\"" + a + " " + b + "\" " + c;
            case 5 -> a + " -" + b;
            case 6 -> a + " | " + b;
            case 7 -> a + " " + b.substring(0, Math.min(3, b.length())) + "*";
            case 8 -> a + " " + b.substring(0, Math.min(3, b.length()));
            default -> Long.toString(7000 + 1 + random.nextInt(80));
        };
    }

    @Test
    void aWordsFilterIsTheWordsTermsInTheOneFieldAndUnknownShapesAreLeftUnfiltered() {
        Query card = new DisjunctionMaxQuery(
                List.of(
                        new BoostQuery(new TermQuery(new Term(SearchIndex.SUBJECT, "card")), 3f),
                        new TermQuery(new Term(SearchIndex.PUBLIC, "card")),
                        new BoostQuery(new TermQuery(new Term(SearchIndex.STEM_PUBLIC, "card")), 0.6f),
                        new TermQuery(new Term(SearchIndex.PUBLIC, "cards"))),
                0f);
        assertThat(SearchIndex.holds(card))
                .isEqualTo(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(SearchIndex.EVERY_WORD, "card")), Occur.SHOULD)
                        .add(new TermQuery(new Term(SearchIndex.EVERY_WORD, "cards")), Occur.SHOULD)
                        .build());
        assertThat(SearchIndex.holds(new PhraseQuery(SearchIndex.PUBLIC, "card", "payment")))
                .isEqualTo(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(SearchIndex.EVERY_WORD, "card")), Occur.FILTER)
                        .add(new TermQuery(new Term(SearchIndex.EVERY_WORD, "payment")), Occur.FILTER)
                        .build());
        assertThat(SearchIndex.holds(new FuzzyQuery(new Term(SearchIndex.PUBLIC, "crad"))))
                .as("not known: no filter rather than a wrong one")
                .isNull();
        assertThat(SearchIndex.holds(new DisjunctionMaxQuery(
                        List.of(
                                new TermQuery(new Term(SearchIndex.PUBLIC, "card")),
                                new FuzzyQuery(new Term(SearchIndex.PUBLIC, "crad"))),
                        0f)))
                .as("an 'any of' with an unknown part")
                .isNull();
    }
}
