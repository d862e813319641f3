package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.tickets.RepeatWatch.Problem;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * The watch's decision on both sides of its threshold, with the real model (ADR 30): on a new desk (too few problems
 * for a background, so the plain cosine and its threshold) and on a desk with a background of real customer messages
 * (banking77), where the centred score decides. Meanings are kept in memory here; the contract tests keep them in SQL.
 */
class RepeatContactsTests {

    /** The stored meanings, in memory: what {@link ProblemMeanings} does in SQL, for a watch without a database. */
    static final class InMemory extends ProblemMeanings {
        final Map<Long, float[]> vectors = new HashMap<>();
        final List<float[]> order = new ArrayList<>();

        InMemory() {
            super(null);
        }

        @Override
        public boolean put(long ticketId, float[] vector, Instant at) {
            if (vectors.putIfAbsent(ticketId, vector) == null) {
                order.add(vector);
                return true;
            }
            return false;
        }

        void put(Problem p) {
            put(p.ticketId(), Meaning.of(Meaning.problemText(p.subject(), p.text())), Instant.now());
        }

        @Override
        public Map<Long, float[]> of(Collection<Long> ticketIds) {
            Map<Long, float[]> found = new HashMap<>();
            ticketIds.forEach(id -> {
                if (vectors.containsKey(id)) {
                    found.put(id, vectors.get(id));
                }
            });
            return found;
        }

        @Override
        public List<float[]> newest(int limit) {
            List<float[]> newest = new ArrayList<>(order.reversed());
            return newest.subList(0, Math.min(limit, newest.size()));
        }
    }

    static final Problem DECLINED =
            new Problem(1, "Card declined", "My card payment was declined at the shop today.", "en");
    static final Problem DECLINED_AGAIN =
            new Problem(2, "Declined again", "Again my card got declined when paying in a store.", "en");
    static final Problem ADDRESS = new Problem(3, "New address", "I moved, please update my postal address.", "en");
    static final Problem REFUND =
            new Problem(4, "Refund missing", "The refund for my returned order has not reached my account yet.", "en");
    static final Problem REFUND_AGAIN = new Problem(
            5, "Where is my refund", "I am still waiting for the money back for the item I sent back.", "en");
    static final Problem TOP_UP =
            new Problem(6, "Top up failed", "My top-up with a bank transfer did not go through.", "en");
    static final Problem EXCHANGE =
            new Problem(9, "Exchange rate", "Which exchange rate do you use for card payments abroad?", "en");

    RepeatContacts watch(InMemory meanings) {
        return new RepeatContacts(meanings, Clock.systemUTC(), 0.248, 0.475);
    }

    /** A desk's history: the first hundred messages of banking77, stored as problems other than the ones tested. */
    static void background(InMemory meanings) throws Exception {
        Path corpus = Path.of("../shared/corpora/support/banking77/train.csv");
        try (Reader in = Files.newBufferedReader(corpus)) {
            long id = 1_000;
            for (var row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                meanings.put(id++, Meaning.of(row.get("text")), Instant.now());
                if (id == 1_100) {
                    break;
                }
            }
        }
    }

    @Test
    void onANewDeskThePlainCosineDecides() {
        InMemory meanings = new InMemory();
        RepeatContacts watch = watch(meanings);
        assertThat(watch.arrived(DECLINED, List.of())).isEmpty();
        assertThat(meanings.vectors)
                .as("nothing to compare: no model run, nothing kept")
                .isEmpty();
        meanings.put(DECLINED);
        meanings.put(ADDRESS);
        assertThat(watch.threshold()).as("no background yet").isEqualTo(0.475);

        assertThat(watch.arrived(DECLINED_AGAIN, List.of(ADDRESS, DECLINED)))
                .hasValueSatisfying(r -> assertThat(r.ticketId()).isEqualTo(DECLINED.ticketId()));
        assertThat(watch.arrived(TOP_UP, List.of(ADDRESS, DECLINED))).isEmpty();
    }

    @Test
    void onADeskWithHistoryTheScoreAgainstItsBackgroundDecides() throws Exception {
        InMemory meanings = new InMemory();
        background(meanings);
        RepeatContacts watch = watch(meanings);
        assertThat(watch.threshold()).as("a hundred problems make a background").isEqualTo(0.248);
        meanings.put(DECLINED);
        meanings.put(REFUND);
        meanings.put(ADDRESS);

        assertThat(watch.arrived(DECLINED_AGAIN, List.of(ADDRESS, REFUND, DECLINED)))
                .hasValueSatisfying(r -> assertThat(r.ticketId()).isEqualTo(DECLINED.ticketId()));
        assertThat(watch.arrived(REFUND_AGAIN, List.of(ADDRESS, DECLINED, REFUND)))
                .as("the same problem in other words: no word but 'my' is shared")
                .hasValueSatisfying(r -> assertThat(r.ticketId()).isEqualTo(REFUND.ticketId()));
        assertThat(watch.arrived(EXCHANGE, List.of(ADDRESS, DECLINED, REFUND)))
                .as("the card again, but another problem")
                .isEmpty();
    }

    @Test
    void scoresFallOnTheSidesOfTheThresholdTheyShould() throws Exception {
        InMemory meanings = new InMemory();
        background(meanings);
        RepeatContacts watch = watch(meanings);
        String declined = Meaning.problemText(DECLINED.subject(), DECLINED.text());
        double same = watch.score(declined, Meaning.problemText(DECLINED_AGAIN.subject(), DECLINED_AGAIN.text()));
        double near = watch.score(declined, Meaning.problemText(TOP_UP.subject(), TOP_UP.text()));
        double far = watch.score(declined, Meaning.problemText(ADDRESS.subject(), ADDRESS.text()));
        assertThat(same).isGreaterThan(watch.threshold());
        assertThat(near).isLessThan(watch.threshold()).isGreaterThan(far);
    }

    @Test
    void anEarlierProblemWithoutAStoredMeaningIsWorkedOutAndOneInAnotherLanguageIsLeftAlone() {
        InMemory meanings = new InMemory();
        RepeatContacts watch = watch(meanings);
        // nothing was compared when ticket 1 opened, so it has no meaning stored
        assertThat(watch.arrived(DECLINED_AGAIN, List.of(DECLINED)))
                .hasValueSatisfying(r -> assertThat(r.ticketId()).isEqualTo(DECLINED.ticketId()));
        assertThat(meanings.vectors).as("both are kept for next time").containsOnlyKeys(1L, 2L);

        Problem german = new Problem(7, "Karte abgelehnt", "Meine Karte wurde im Laden abgelehnt.", "de");
        assertThat(watch.arrived(
                        new Problem(8, DECLINED_AGAIN.subject(), DECLINED_AGAIN.text(), "en"), List.of(german)))
                .isEmpty();
    }
}
