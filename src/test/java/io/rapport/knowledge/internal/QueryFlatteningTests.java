package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A search's words are flattened before Lucene runs them (ADR 26): nested "any of" groups become one "best of", each
 * clause carrying the boosts it was under, so a word counts for its best match (a word in the subject beats the same
 * word in the text) and Lucene can skip what cannot reach the first page.
 */
class QueryFlatteningTests {

    static Query term(String field, String word) {
        return new TermQuery(new Term(field, word));
    }

    /** "card" as a search builds it: the best of its fields, its stem, and the completions of the word being typed. */
    static Query nested() {
        return new DisjunctionMaxQuery(List.of(asGroups()), 0f);
    }

    /** The same alternatives as nested "any of" groups. */
    static Query asGroups() {
        Query fields = new BooleanQuery.Builder()
                .add(new BoostQuery(term("subject", "card"), 3f), Occur.SHOULD)
                .add(term("public", "card"), Occur.SHOULD)
                .build();
        Query withStem = new BooleanQuery.Builder()
                .add(fields, Occur.SHOULD)
                .add(new BoostQuery(term("stem", "card"), 0.6f), Occur.SHOULD)
                .build();
        Query completions = new BoostQuery(
                new BooleanQuery.Builder()
                        .add(term("subject", "cards"), Occur.SHOULD)
                        .add(term("subject", "cardholder"), Occur.SHOULD)
                        .build(),
                3f);
        return new BooleanQuery.Builder()
                .add(withStem, Occur.SHOULD)
                .add(completions, Occur.SHOULD)
                .build();
    }

    @Test
    void nestedAnyOfBecomesOneBestOfWithTheBoostsMultipliedIn() {
        Query flat = SearchIndex.flatten(nested(), 1f);

        assertThat(flat).isInstanceOf(DisjunctionMaxQuery.class);
        DisjunctionMaxQuery best = (DisjunctionMaxQuery) flat;
        assertThat(best.getTieBreakerMultiplier())
                .as("the best match alone counts")
                .isZero();
        assertThat(best.getDisjuncts())
                .extracting(Query::toString)
                .containsExactly(
                        "(subject:card)^3.0",
                        "public:card",
                        "(stem:card)^0.6",
                        "(subject:cards)^3.0",
                        "(subject:cardholder)^3.0");
    }

    @Test
    void allOfStaysAllOfAndEachWordIsFlattenedWithin() {
        Query twoWords = new BooleanQuery.Builder()
                .add(nested(), Occur.MUST)
                .add(
                        new BooleanQuery.Builder()
                                .add(term("public", "payment"), Occur.SHOULD)
                                .add(new BoostQuery(term("stem", "pay"), 0.6f), Occur.SHOULD)
                                .build(),
                        Occur.MUST)
                .add(new PhraseQuery("public", "not", "arrived"), Occur.MUST_NOT)
                .build();

        BooleanQuery flat = (BooleanQuery) SearchIndex.flatten(twoWords, 1f);

        assertThat(flat.clauses()).extracting(c -> c.occur()).containsExactly(Occur.MUST, Occur.MUST, Occur.MUST_NOT);
        assertThat(((DisjunctionMaxQuery) flat.clauses().get(0).query()).getDisjuncts())
                .hasSize(5);
        assertThat(flat.clauses().get(2).query()).isEqualTo(new PhraseQuery("public", "not", "arrived"));
    }

    @Test
    void aGroupWithAMinimumOrAFilterKeepsItsShapeAndOnlyCarriesItsBoost() {
        // the same leaf twice (a word that is also one of its own completions) is one
        Query atLeastTwo = new BooleanQuery.Builder()
                .add(term("public", "card"), Occur.SHOULD)
                .add(term("public", "lost"), Occur.SHOULD)
                .add(term("public", "stolen"), Occur.SHOULD)
                .setMinimumNumberShouldMatch(2)
                .build();
        Query filtered = new BooleanQuery.Builder()
                .add(term("public", "refund"), Occur.SHOULD)
                .add(term("status", "open"), Occur.FILTER)
                .build();
        Query any = new DisjunctionMaxQuery(
                List.of(new BooleanQuery.Builder()
                        .add(new BoostQuery(atLeastTwo, 2f), Occur.SHOULD)
                        .add(filtered, Occur.SHOULD)
                        .add(term("subject", "card"), Occur.SHOULD)
                        .add(term("subject", "card"), Occur.SHOULD)
                        .build()),
                0f);

        DisjunctionMaxQuery flat = (DisjunctionMaxQuery) SearchIndex.flatten(any, 1f);

        assertThat(flat.getDisjuncts())
                .containsExactlyInAnyOrder(new BoostQuery(atLeastTwo, 2f), filtered, term("subject", "card"));
    }

    @Test
    void eitherOfTwoWordsAddsUpAndEachWordIsItsOwnBestOf() {
        // "card | refund": a ticket with both counts both
        Query refund = new DisjunctionMaxQuery(List.of(term("subject", "refund"), term("public", "refund")), 0f);
        Query either = new BooleanQuery.Builder()
                .add(nested(), Occur.SHOULD)
                .add(refund, Occur.SHOULD)
                .build();

        Query flat = SearchIndex.flatten(either, 1f);

        assertThat(flat).isInstanceOf(BooleanQuery.class);
        assertThat(((BooleanQuery) flat).clauses())
                .hasSize(2)
                .allMatch(c -> c.occur() == Occur.SHOULD && c.query() instanceof DisjunctionMaxQuery);
        assertThat(SearchIndex.wordsAsked(flat))
                .as("either may match: every field is looked at")
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aSingleMatchIsItself() {
        Query one = new DisjunctionMaxQuery(List.of(new BoostQuery(term("subject", "card"), 3f)), 0f);

        assertThat(SearchIndex.flatten(one, 2f)).isEqualTo(new BoostQuery(term("subject", "card"), 6f));
    }

    @Test
    void whatAddsUpIsOneFlatSumWithTheSameScoresAndOrder() throws Exception {
        // the words a ticket shares with others (MoreLikeThis): each shared word adds to the score
        Query flat = SearchIndex.flatten(asGroups(), 1f);
        assertThat(flat).isInstanceOf(BooleanQuery.class);
        assertThat(((BooleanQuery) flat).clauses())
                .hasSize(5)
                .allMatch(c -> c.occur() == Occur.SHOULD && !(c.query() instanceof BooleanQuery));
        onFiveDocuments(searcher -> {
            ScoreDoc[] before = searcher.search(asGroups(), 10).scoreDocs;
            ScoreDoc[] after = searcher.search(flat, 10).scoreDocs;

            assertThat(after).hasSameSizeAs(before).hasSize(4);
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i].doc).isEqualTo(before[i].doc);
                assertThat(after[i].score).isCloseTo(before[i].score, org.assertj.core.data.Offset.offset(1e-5f));
            }
        });
    }

    @Test
    void aSnippetShowsAllThatWasAskedForWhenItMarksAWordPerRequiredPart() {
        Query twoWords = new BooleanQuery.Builder()
                .add(SearchIndex.flatten(nested(), 1f), Occur.MUST)
                .add(term("public", "declined"), Occur.MUST)
                .add(term("public", "refund"), Occur.MUST_NOT)
                .build();
        Query eitherWord = new BooleanQuery.Builder()
                .add(term("public", "card"), Occur.SHOULD)
                .add(term("public", "refund"), Occur.SHOULD)
                .build();

        assertThat(SearchIndex.wordsAsked(SearchIndex.flatten(nested(), 1f))).isEqualTo(1);
        assertThat(SearchIndex.wordsAsked(new PhraseQuery("public", "card", "payment")))
                .isEqualTo(1);
        assertThat(SearchIndex.wordsAsked(twoWords)).isEqualTo(2);
        assertThat(SearchIndex.wordsAsked(eitherWord))
                .as("any may match: every field is looked at")
                .isEqualTo(Integer.MAX_VALUE);
    }

    /** Search work on the five documents of {@link #index}. */
    interface SearcherWork {
        void on(IndexSearcher searcher) throws java.io.IOException;
    }

    static void onFiveDocuments(SearcherWork work) throws java.io.IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            index(writer);
            try (var reader = DirectoryReader.open(directory)) {
                work.on(new IndexSearcher(reader));
            }
        }
    }

    /** Five documents: "card" in the subject, the text or the stem, a completion, or nowhere. */
    static void index(IndexWriter writer) throws java.io.IOException {
        String[][] docs = {
            {"card declined", "my card was declined", "card declin"},
            {"new cards", "when do the cards arrive", "card arriv"},
            {"cardholder name", "the cardholder name is wrong on my card", "cardhold name wrong card"},
            {"payment", "a card payment failed", "card payment fail"},
            {"other", "nothing about it", "noth"}
        };
        for (String[] d : docs) {
            Document doc = new Document();
            doc.add(new TextField("subject", d[0], Field.Store.NO));
            doc.add(new TextField("public", d[1], Field.Store.NO));
            doc.add(new TextField("stem", d[2], Field.Store.NO));
            writer.addDocument(doc);
        }
        writer.commit();
    }

    @Test
    void eachDocumentScoresItsBestMatchAndTheSameDocumentsAreFound() throws Exception {
        onFiveDocuments(searcher -> {
            ScoreDoc[] before = searcher.search(asGroups(), 10).scoreDocs;
            DisjunctionMaxQuery flat = (DisjunctionMaxQuery) SearchIndex.flatten(nested(), 1f);
            ScoreDoc[] after = searcher.search(flat, 10).scoreDocs;

            assertThat(after)
                    .extracting(d -> d.doc)
                    .as("the same documents")
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.Arrays.stream(before).map(d -> d.doc).toList())
                    .hasSize(4);
            java.util.Map<Integer, Float> best = new java.util.HashMap<>();
            for (Query match : flat.getDisjuncts()) {
                for (ScoreDoc d : searcher.search(match, 10).scoreDocs) {
                    best.merge(d.doc, d.score, Math::max);
                }
            }
            for (ScoreDoc d : after) {
                assertThat(d.score)
                        .as("document %d scores its best match", d.doc)
                        .isCloseTo(best.get(d.doc), org.assertj.core.data.Offset.offset(1e-5f));
            }
            assertThat(after[0].doc)
                    .as("'card' in a short subject first: the subject weighs three times the text")
                    .isZero();
        });
    }
}
