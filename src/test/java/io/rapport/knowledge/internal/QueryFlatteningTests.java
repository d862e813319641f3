package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A search's words are flattened before Lucene runs them (ADR 26): nested "any of" groups become one, each clause
 * carrying the boosts it was under, so Lucene can skip what cannot reach the first page. The order and the scores
 * stay what they were.
 */
class QueryFlatteningTests {

    static Query term(String field, String word) {
        return new TermQuery(new Term(field, word));
    }

    /** "card" as a search builds it: its fields, its stem, and the completions of the word being typed. */
    static Query nested() {
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
    void nestedAnyOfBecomesOneWithTheBoostsMultipliedIn() {
        Query flat = SearchIndex.flatten(nested(), 1f);

        assertThat(flat).isInstanceOf(BooleanQuery.class);
        BooleanQuery any = (BooleanQuery) flat;
        assertThat(any.clauses()).hasSize(5).allMatch(c -> c.occur() == Occur.SHOULD);
        assertThat(any.clauses())
                .extracting(c -> c.query().toString())
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
        assertThat(((BooleanQuery) flat.clauses().get(0).query()).clauses()).hasSize(5);
        assertThat(flat.clauses().get(2).query()).isEqualTo(new PhraseQuery("public", "not", "arrived"));
    }

    @Test
    void aGroupWithAMinimumOrAFilterKeepsItsShapeAndOnlyCarriesItsBoost() {
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
        Query any = new BooleanQuery.Builder()
                .add(new BoostQuery(atLeastTwo, 2f), Occur.SHOULD)
                .add(filtered, Occur.SHOULD)
                .add(term("subject", "card"), Occur.SHOULD)
                .build();

        BooleanQuery flat = (BooleanQuery) SearchIndex.flatten(any, 1f);

        assertThat(flat.clauses()).hasSize(3);
        assertThat(flat.clauses().get(0).query()).isEqualTo(new BoostQuery(atLeastTwo, 2f));
        assertThat(flat.clauses().get(1).query()).isEqualTo(filtered);
        assertThat(flat.clauses().get(2).query()).isEqualTo(term("subject", "card"));
    }

    @Test
    void theScoresAndTheOrderAreTheSame() throws Exception {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
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
            try (var reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] before = searcher.search(nested(), 10).scoreDocs;
                ScoreDoc[] after = searcher.search(SearchIndex.flatten(nested(), 1f), 10).scoreDocs;

                assertThat(after).hasSameSizeAs(before).hasSize(4);
                for (int i = 0; i < before.length; i++) {
                    assertThat(after[i].doc).isEqualTo(before[i].doc);
                    assertThat(after[i].score).isCloseTo(before[i].score, org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }
}
