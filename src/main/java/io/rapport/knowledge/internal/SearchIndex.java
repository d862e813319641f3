package io.rapport.knowledge.internal;

import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.Article;
import io.rapport.knowledge.ArticleVisibility;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.SearchResults;
import io.rapport.knowledge.Searcher;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Visibility;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * This node's Lucene index of tickets, customers and articles (ADR 26, 27), in generations under one folder: {@code current}
 * names the live one, and a rebuild writes the next beside it and then switches. Each commit carries the last change
 * of the log it contains and the gaps still open below it, so a node that stopped, even mid-write, goes on from its
 * last commit.
 *
 * <p>Words are kept twice: as written (lower-cased, for names, numbers, exact words) and stemmed in the ticket's
 * language when the desk configures it, so "declined" finds "decline". The stems of every language share one field
 * (one for what customers may read, one for internal notes): a query word costs a clause per distinct stem, not one
 * per configured language. Internal notes are in their own fields, which only staff searches read.
 */
public final class SearchIndex implements Closeable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String NUMBER = "number";
    static final String SUBJECT = "subject";
    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";
    static final String CUSTOMER = "customer";
    static final String CUSTOMER_ID = "customer_id";
    static final String STATUS = "status";
    static final String CHANNEL = "channel";
    static final String ASSIGNEE = "assignee";
    static final String LANGUAGE = "language";
    static final String TAG = "tag";
    static final String CREATED = "created";
    static final String VISIBILITY = "visibility";
    static final String CATEGORY = "category";
    static final String URL = "url";

    /**
     * What a ticket's problem means (ADR 31): its {@link Meaning} vector, where the ticket has one, in Lucene's HNSW
     * graph, so the solved tickets nearest in meaning are found without reading every vector.
     */
    static final String MEANING = "meaning";

    /** Each document's words stemmed in its own language, in one field (not one per language): see {@link #words}. */
    static final String STEM_PUBLIC = "public_stem";

    static final String STEM_INTERNAL = "internal_stem";

    /**
     * Every word of a document's texts, as written and stemmed, in one field that is never scored: it only tells which
     * documents hold a word, so that a search of several words walks one short list per word to find the documents
     * holding all of them before it scores any (see {@link #findable}).
     */
    static final String EVERY_WORD = "every_word";

    /** The fields a word is looked for in, as written or stemmed: each stands for {@link #EVERY_WORD} in a filter. */
    private static final Set<String> TEXT_FIELDS =
            Set.of(SUBJECT, PUBLIC, INTERNAL, CUSTOMER, STEM_PUBLIC, STEM_INTERNAL);

    /** Which documents hold a word: no frequencies, positions or lengths. */
    private static final FieldType HOLDS = new FieldType();

    static {
        HOLDS.setTokenized(true);
        HOLDS.setOmitNorms(true);
        HOLDS.setIndexOptions(IndexOptions.DOCS);
        HOLDS.freeze();
    }

    static final String COMMIT_CHANGE = "change";
    static final String COMMIT_GAPS = "gaps";
    static final String COMMIT_FORMAT = "format";

    /**
     * The layout of the documents; an index written with another one is rebuilt when the node opens it. 2: stemmed words
     * in one field per kind instead of one per language (a query clause per language and word made most of a search).
     * 3: {@link #EVERY_WORD}.
     */
    static final String FORMAT = "3";

    /** Stemming analyzers for the languages Lucene's common analysis covers (others keep the plain field). */
    private static final Map<String, java.util.function.Supplier<Analyzer>> STEMMERS = Map.of(
            "en", EnglishAnalyzer::new,
            "de", GermanAnalyzer::new,
            "fr", FrenchAnalyzer::new,
            "es", SpanishAnalyzer::new,
            "it", ItalianAnalyzer::new,
            "pt", PortugueseAnalyzer::new,
            "nl", DutchAnalyzer::new,
            "sv", SwedishAnalyzer::new,
            "tr", TurkishAnalyzer::new);

    /** Text kept for snippets, with offsets so highlighting need not analyze it again. */
    private static final FieldType SHOWN = new FieldType(TextField.TYPE_STORED);

    static {
        SHOWN.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SHOWN.freeze();
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");
    private static final Pattern NUMBER_QUERY = Pattern.compile("#?(\\d{1,18})");
    private static final int SNIPPET_FALLBACK = 160;

    /**
     * Matches are counted exactly up to this many; past it a total says "at least". Counting every match of a common
     * word among a million tickets cost more than finding the best twenty.
     */
    static final int COUNT_UP_TO = 1_000;

    /**
     * A prefix stands for its 10 most frequent completions: "tran" as you type means "transfer", "transaction",
     * "transactions", not every rare word or typo from "tranasaction" to "transported"; one more letter narrows it.
     * Expanding to every completion built a bit set of a third of a million tickets per search and kept Lucene from
     * skipping. (Lucene's own top-terms rewrites rank a prefix's completions alike and keep the first in the alphabet,
     * so "ca" would have meant "cab", "cabin", "cable"... and never "card".)
     */
    static final int PREFIX_COMPLETIONS = 10;

    private static final org.apache.lucene.search.MultiTermQuery.RewriteMethod PREFIX_TERMS =
            new MostFrequentCompletions(PREFIX_COMPLETIONS);

    /**
     * Rewrites a prefix (or any multi-term query) to its {@code size} terms found in the most documents, scored with
     * their frequencies blended: the completions a person typing most likely means, none preferred for being rare.
     */
    static final class MostFrequentCompletions extends org.apache.lucene.search.MultiTermQuery.RewriteMethod {
        private final int size;

        MostFrequentCompletions(int size) {
            this.size = size;
        }

        @Override
        public Query rewrite(IndexSearcher searcher, org.apache.lucene.search.MultiTermQuery query) throws IOException {
            Map<org.apache.lucene.util.BytesRef, Integer> documents = new HashMap<>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var terms = leaf.reader().terms(query.getField());
                if (terms == null) {
                    continue;
                }
                var each = query.getTermsEnum(terms);
                for (var term = each.next(); term != null; term = each.next()) {
                    documents.merge(org.apache.lucene.util.BytesRef.deepCopyOf(term), each.docFreq(), Integer::sum);
                }
            }
            if (documents.isEmpty()) {
                return new MatchNoDocsQuery();
            }
            // scored with their frequencies blended, or the rarest completion of what is typed would rank first
            var blended = new org.apache.lucene.search.BlendedTermQuery.Builder()
                    .setRewriteMethod(org.apache.lucene.search.BlendedTermQuery.BOOLEAN_REWRITE);
            documents.entrySet().stream()
                    .sorted(Map.Entry.<org.apache.lucene.util.BytesRef, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(size)
                    .forEach(e -> blended.add(new Term(query.getField(), e.getKey())));
            return blended.build();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MostFrequentCompletions m && m.size == size;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(size);
        }
    }

    /** A commit's position in the change log. */
    public record Position(long change, Set<Long> gaps) {}

    private record Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {}

    private final Path root;
    private final List<String> stemmed;
    private final Analyzer analyzer;
    /**
     * Per language, one analyzer per stemmed field: a document's two stemmed fields are analyzed one after the other
     * on one thread, and an analyzer hands each thread one reused stream, so they must not share one.
     */
    private final Map<String, Analyzer> publicStemmers = new HashMap<>();

    private final Map<String, Analyzer> internalStemmers = new HashMap<>();

    /** Per language, the stems of {@link #EVERY_WORD}. */
    private final Map<String, Analyzer> everyWordStemmers = new HashMap<>();

    private volatile Generation live;
    /**
     * A rebuilt generation that changes are written to, before it goes live, while searches still read the live one
     * ({@link #adopt}); null when writes go to the live one.
     */
    private volatile Generation adopted;

    public SearchIndex(Path root, List<String> languages) {
        this.root = root;
        this.stemmed =
                languages.stream().filter(STEMMERS::containsKey).distinct().toList();
        for (String language : stemmed) {
            publicStemmers.put(language, STEMMERS.get(language).get());
            internalStemmers.put(language, STEMMERS.get(language).get());
            everyWordStemmers.put(language, STEMMERS.get(language).get());
        }
        this.analyzer = new StandardAnalyzer();
    }

    /** Opens the live generation; false when there is none or it cannot be read (then it must be rebuilt). */
    public synchronized boolean open() {
        Path current = root.resolve("current");
        try {
            if (!Files.exists(current)) {
                return false;
            }
            Path path = root.resolve(Files.readString(current).strip());
            if (!Files.isDirectory(path)) {
                return false;
            }
            try (Directory probe = FSDirectory.open(path)) {
                if (!DirectoryReader.indexExists(probe)) {
                    return false;
                }
                var commit = DirectoryReader.listCommits(probe).getLast().getUserData();
                if (!FORMAT.equals(commit.get(COMMIT_FORMAT))) {
                    return false; // written with another layout: rebuilt from the database
                }
            }
            live = openGeneration(path);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public boolean isOpen() {
        return live != null;
    }

    /** Where the live generation's last commit stands in the change log. */
    public Position position() {
        Map<String, String> data = live().writer().getLiveCommitData() == null
                ? Map.of()
                : toMap(live().writer().getLiveCommitData());
        long change = Long.parseLong(data.getOrDefault(COMMIT_CHANGE, "0"));
        return new Position(change, ranges(data.getOrDefault(COMMIT_GAPS, "")));
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** A new, empty generation to fill; {@link #publish} makes it the live one. */
    public Builder startRebuild() {
        try {
            Files.createDirectories(root);
            Path path = root.resolve("gen-" + System.currentTimeMillis());
            return new Builder(openGeneration(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generation being filled by a rebuild. */
    public final class Builder {
        private final Generation generation;
        private boolean merged;

        private Builder(Generation generation) {
            this.generation = generation;
        }

        /**
         * Merges what was built into one segment: a search looks each of its words up, and sets up its scoring, once
         * instead of once per segment (a million tickets built in ten: each kind of search 0.64-0.99 of its CPU, 0.86
         * for the mix of bench/search.sh; the merge took 6 s of the 40). Live changes add small segments beside it,
         * merged as usual. A merge needs room for a second copy; without it the index goes live as built, only slower
         * to search. Done by {@link #publish} when not done before.
         */
        public void merge() {
            merged = true;
            try {
                generation.writer().forceMerge(1);
            } catch (IOException e) {
                log.warn("the rebuilt search index could not be merged into one segment; it goes live as built", e);
            }
        }

        // a new generation holds each document once: added, never looked up to replace

        public void tickets(List<TicketDocument> tickets, Map<Long, CustomerRef> customers) {
            tickets(tickets, customers, Map.of());
        }

        /** These tickets, with the meaning vectors of those that have one ({@code meanings}, by ticket id). */
        public void tickets(
                List<TicketDocument> tickets, Map<Long, CustomerRef> customers, Map<Long, float[]> meanings) {
            put(generation, tickets, customers, meanings, true);
        }

        public void customers(Iterable<CustomerRef> customers) {
            for (CustomerRef c : customers) {
                putCustomer(generation, c, true);
            }
        }

        public void articles(List<ArticleStore.Indexed> articles) {
            putArticles(generation, articles, true);
        }

        public void abandon() {
            synchronized (SearchIndex.this) {
                if (adopted == generation) {
                    adopted = null;
                }
            }
            closeQuietly(generation);
            deleteQuietly(generation.path());
        }
    }

    /**
     * From now on changes are written to this rebuilt generation (merged first), while searches go on reading the
     * live one until {@link #publish}: the changes made while it was built are applied to it before it answers.
     */
    public synchronized void adopt(Builder built) {
        if (!built.merged) {
            built.merge();
        }
        adopted = built.generation;
    }

    /** Makes a rebuilt generation live, committed at {@code position}; the one before is closed and deleted. */
    public synchronized void publish(Builder built, Position position) {
        Generation next = built.generation;
        if (!built.merged) {
            built.merge();
        }
        commit(next, position);
        try {
            next.searchers().maybeRefreshBlocking();
            Path tmp = root.resolve("current.tmp");
            Files.writeString(tmp, next.path().getFileName().toString());
            Files.move(
                    tmp, root.resolve("current"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Generation before = live;
        live = next;
        adopted = null;
        if (before != null) {
            closeQuietly(before);
            deleteQuietly(before.path());
        }
        // generations a crash left behind
        try (Stream<Path> all = Files.list(root)) {
            all.filter(p -> p.getFileName().toString().startsWith("gen-") && !p.equals(next.path()))
                    .forEach(SearchIndex::deleteQuietly);
        } catch (IOException e) {
            // left for the next rebuild
        }
    }

    /**
     * Writes these tickets into the live generation, each with its customer's name and address ({@code customers}),
     * and the documents of the customers in {@code newCustomers}; a merged ticket leaves it.
     */
    public void put(
            List<TicketDocument> tickets, Map<Long, CustomerRef> customers, Iterable<CustomerRef> newCustomers) {
        put(tickets, customers, newCustomers, Map.of());
    }

    /** As {@link #put(List, Map, Iterable)}, with the meaning vectors of the tickets that have one. */
    public void put(
            List<TicketDocument> tickets,
            Map<Long, CustomerRef> customers,
            Iterable<CustomerRef> newCustomers,
            Map<Long, float[]> meanings) {
        Generation g = writing();
        put(g, tickets, customers, meanings, false);
        for (CustomerRef c : newCustomers) {
            putCustomer(g, c, false);
        }
    }

    public void putCustomers(Iterable<CustomerRef> customers) {
        for (CustomerRef c : customers) {
            putCustomer(writing(), c, false);
        }
    }

    public void deleteTicket(long id) {
        delete(writing(), "t:" + id);
    }

    public void deleteCustomer(long id) {
        delete(writing(), "c:" + id);
    }

    /** Writes these articles; an archived one leaves the index. */
    public void putArticles(List<ArticleStore.Indexed> articles) {
        putArticles(writing(), articles, false);
    }

    public void deleteArticle(long id) {
        delete(writing(), "a:" + id);
    }

    /** Lets searches see what was written (not yet durable: {@link #commit} makes it so). */
    public void refresh() {
        try {
            writing().searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable, with its position in the change log. */
    public void commit(Position position) {
        commit(writing(), position);
    }

    public long documents() {
        for (int attempt = 0; attempt < 5; attempt++) {
            Generation g = live;
            if (g == null) {
                return 0;
            }
            try {
                return g.writer().getDocStats().numDocs;
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                // swapped by a rebuild: ask the new one
            }
        }
        return 0;
    }

    /** Searches as this searcher may: best first, with snippets. */
    public SearchResults search(SearchRequest request, Searcher who) {
        return onSearchThreads(() -> searchHere(request, who, true));
    }

    /** As {@link #search}, without the filters on {@link #EVERY_WORD}: what they must never change (tests). */
    SearchResults searchUnfiltered(SearchRequest request, Searcher who) {
        return onSearchThreads(() -> searchHere(request, who, false));
    }

    private SearchResults searchHere(SearchRequest request, Searcher who, boolean filtered) {
        boolean staff = who instanceof Searcher.Staff;
        Query asked = words(request.q(), staff, false);
        if (asked == null) {
            return new SearchResults(List.of(), 0);
        }
        int size = Math.max(1, request.size());
        int from = Math.max(0, request.page()) * size;
        return withSearcher(new SearchResults(List.of(), 0), searcher -> {
            // rewritten once, for the search and the snippets: a prefix becomes the words it stands for
            Query words = flatten(searcher.rewrite(asked), 1f);
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
            filters(query, request, who);
            if (filtered) {
                findable(query, words);
            }
            TopDocs top = searcher.search(
                    query.build(),
                    new org.apache.lucene.search.TopScoreDocCollectorManager(from + size, null, COUNT_UP_TO));
            long total = top.totalHits.value();
            boolean atLeast = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO;
            if (from >= top.scoreDocs.length) {
                return new SearchResults(List.of(), total, atLeast);
            }
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            return new SearchResults(hits(searcher, words, pageDocs, staff), total, atLeast);
        });
    }

    /**
     * What is most like this text (a ticket's subject and conversation), best first: its words weighed by how rare
     * they are (Lucene's MoreLikeThis over the subject, the text and its stemmed form in {@code language}), among
     * documents {@code filter} lets through. Snippets mark the words the documents share with the text.
     */
    public List<SearchHit> similar(String text, String language, Query filter, int size) {
        return similar(text, language, null, filter, size);
    }

    /**
     * Searching is pure CPU work, and requests are served on virtual threads, which are never preempted: twenty
     * searches at once held both carrier threads and left other requests, searches among them, waiting for seconds
     * (bench/search.sh). Searches run on a few platform threads of their own instead, one per core, taking their turn
     * in order, while the request's virtual thread waits without holding a carrier.
     */
    private static final java.util.concurrent.ExecutorService SEARCH_THREADS =
            java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                        Thread t = new Thread(runnable, "search-query");
                        t.setDaemon(true);
                        return t;
                    });

    private static <T> T onSearchThreads(java.util.concurrent.Callable<T> work) {
        try {
            return SEARCH_THREADS.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * As {@link #similar(String, String, Query, int)}, and also the documents nearest to {@code meaning} (the text's
     * {@link Meaning} vector; null for words only), the two lists fused by reciprocal rank, the words' at half
     * weight: a document near the top of both comes first (ADR 31).
     */
    public List<SearchHit> similar(String text, String language, float[] meaning, Query filter, int size) {
        return onSearchThreads(() -> similarHere(text, language, meaning, filter, size));
    }

    /** The documents with a meaning vector nearest to this one, among those {@code filter} lets through. */
    public List<SearchHit> nearest(float[] meaning, Query filter, int size) {
        if (meaning == null || meaning.length != Meaning.DIMENSIONS || size < 1) {
            return List.of();
        }
        return onSearchThreads(() -> withSearcher(List.of(), searcher -> {
            TopDocs top = searcher.search(
                    new org.apache.lucene.search.KnnFloatVectorQuery(MEANING, meaning, size, filter), size);
            return hits(searcher, new MatchNoDocsQuery(), top.scoreDocs, true);
        }));
    }

    /** Work on a searcher of the live generation. */
    private interface SearcherWork<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Does {@code work} on a searcher of the live generation, released after; {@code whenClosed} without an index. */
    private <T> T withSearcher(T whenClosed, SearcherWork<T> work) {
        try {
            Acquired acquired = acquire();
            if (acquired == null) {
                return whenClosed;
            }
            try {
                return work.on(acquired.searcher());
            } finally {
                acquired.generation().searchers().release(acquired.searcher());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of each list's best are fused: enough that one found by both outranks one found by either. */
    private static final int FUSED_FROM = 20;

    /** Reciprocal rank fusion's constant: ranks 1 and 2 differ little, ranks 1 and 20 much. */
    private static final int FUSION_K = 60;

    /**
     * What the words' list counts for beside the meanings' (bench/similar.sh on banking77, right at 1 and precision
     * at 5: meaning alone 0.895 and 0.868, both lists equal 0.879 and 0.813, words at half 0.890 and 0.850, words
     * alone 0.732 and 0.638). Words keep a say for what a sentence model does not weigh: codes, names, numbers.
     */
    private static final float WORDS_WEIGHT = 0.5f;

    /**
     * The least cosine at which a ticket counts as near in meaning. Without it, on a desk with a handful of solved
     * tickets every one is among the "nearest", and any shared word put an unrelated one first. On banking77 no right
     * answer lies below it (bench/similar.sh: the same figures with a floor of 0.2, 0.3 or 0.4).
     */
    private static final float NEAR = 0.3f;

    private List<SearchHit> similarHere(String text, String language, float[] meaning, Query filter, int size) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return withSearcher(List.of(), searcher -> {
            Query words = flatten(moreLikeThis(searcher, text, language), 1f);
            Query full = new BooleanQuery.Builder()
                    .add(words, Occur.MUST)
                    .add(filter, Occur.FILTER)
                    .build();
            if (meaning == null || meaning.length != Meaning.DIMENSIONS) {
                return hits(searcher, words, searcher.search(full, size).scoreDocs, true);
            }
            int depth = Math.max(size, FUSED_FROM);
            ScoreDoc[] byWords = searcher.search(full, depth).scoreDocs;
            ScoreDoc[] byMeaning = searcher.search(
                            new org.apache.lucene.search.KnnFloatVectorQuery(MEANING, meaning, depth, filter), depth)
                    .scoreDocs;
            Map<Integer, Float> fused = new HashMap<>();
            for (int rank = 0; rank < byWords.length; rank++) {
                fused.merge(byWords[rank].doc, WORDS_WEIGHT / (FUSION_K + rank + 1), Float::sum);
            }
            for (int rank = 0; rank < byMeaning.length; rank++) {
                if (2 * byMeaning[rank].score - 1 < NEAR) {
                    break; // Lucene scores a dot product d as (1 + d) / 2: this one and the rest are not near
                }
                fused.merge(byMeaning[rank].doc, 1f / (FUSION_K + rank + 1), Float::sum);
            }
            ScoreDoc[] best = fused.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Float>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(size)
                    .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                    .toArray(ScoreDoc[]::new);
            return hits(searcher, words, best, true);
        });
    }

    /**
     * The text's words weighed by how rare they are: Lucene's MoreLikeThis over the subject, the text and its stemmed
     * form in {@code language}.
     */
    private Query moreLikeThis(IndexSearcher searcher, String text, String language) throws IOException {
        var mlt = new org.apache.lucene.queries.mlt.MoreLikeThis(searcher.getIndexReader());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(25);
        mlt.setStopWords(stopWords(language));
        if (searcher.getIndexReader().numDocs() >= 1_000) {
            // on a desk of some size, words in a fifth of everything ("please", "thanks") say nothing
            mlt.setMaxDocFreqPct(20);
        }
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        List<String> fields = new ArrayList<>(List.of(SUBJECT, PUBLIC));
        if (language != null && stemmed.contains(language)) {
            fields.add(STEM_PUBLIC);
        }
        for (String field : fields) {
            mlt.setAnalyzer(field.equals(STEM_PUBLIC) ? publicStemmers.get(language) : analyzer);
            mlt.setFieldNames(new String[] {field});
            Query q = mlt.like(field, new java.io.StringReader(text));
            like.add(field.equals(SUBJECT) ? new BoostQuery(q, 1.5f) : q, Occur.SHOULD);
        }
        return like.build();
    }

    /** Words that say nothing about a problem: English ones, and the ticket's language's where Lucene knows them. */
    private static Set<String> stopWords(String language) {
        Set<String> words = new java.util.HashSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
        var own = language == null ? null : STOP_WORDS.get(language); // a ticket may have no language
        if (own != null) {
            own.get().forEach(w -> words.add(new String((char[]) w)));
        }
        return words;
    }

    private static final Map<String, java.util.function.Supplier<org.apache.lucene.analysis.CharArraySet>> STOP_WORDS =
            Map.of(
                    "de", GermanAnalyzer::getDefaultStopSet,
                    "fr", FrenchAnalyzer::getDefaultStopSet,
                    "es", SpanishAnalyzer::getDefaultStopSet,
                    "it", ItalianAnalyzer::getDefaultStopSet,
                    "pt", PortugueseAnalyzer::getDefaultStopSet,
                    "nl", DutchAnalyzer::getDefaultStopSet,
                    "sv", SwedishAnalyzer::getDefaultStopSet,
                    "tr", TurkishAnalyzer::getDefaultStopSet);

    /**
     * The same query with its groups lifted flat, each clause carrying the boosts it was under. A word's alternatives
     * (its fields, its stems, the completions of a word being typed), which {@link #words} makes a "best of" ({@link
     * org.apache.lucene.search.DisjunctionMaxQuery}), become one "best of": the word counts for its best match (ADR 26,
     * revised a third time). Lucene bounds a "best of" by its best clause, so it skips the blocks of documents that
     * cannot reach the first page; a sum of many clauses it bounds by adding each clause's best, and could skip little.
     * A word that is also one of its own completions is one clause. Other "any of" groups (a | b, a ticket number or
     * its words) stay sums, lifted into one: a document with both counts both.
     */
    static Query flatten(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return flatten(boosted.getQuery(), boost * boosted.getBoost());
        }
        if (query instanceof org.apache.lucene.search.DisjunctionMaxQuery best
                && best.getTieBreakerMultiplier() == 0f) {
            List<Query> leaves = new ArrayList<>();
            alternatives(best, boost, leaves);
            List<Query> distinct = leaves.stream().distinct().toList();
            return distinct.size() == 1
                    ? distinct.getFirst()
                    : new org.apache.lucene.search.DisjunctionMaxQuery(distinct, 0f);
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder flat =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            if (anyOf(bool)) {
                List<Query> added = new ArrayList<>();
                added(bool, boost, added);
                added.forEach(q -> flat.add(q, Occur.SHOULD));
                return added.size() == 1 ? added.getFirst() : flat.build();
            }
            bool.clauses().forEach(c -> flat.add(flatten(c.query(), 1f), c.occur()));
            return boosted(flat.build(), boost);
        }
        return boosted(query, boost);
    }

    /** The clauses of a "best of", nested groups of any kind lifted into it. */
    private static void alternatives(Query query, float boost, List<Query> leaves) {
        if (query instanceof BoostQuery boosted) {
            alternatives(boosted.getQuery(), boost * boosted.getBoost(), leaves);
        } else if (query instanceof BooleanQuery bool && anyOf(bool)) {
            bool.clauses().forEach(c -> alternatives(c.query(), boost, leaves));
        } else if (query instanceof org.apache.lucene.search.DisjunctionMaxQuery best
                && best.getTieBreakerMultiplier() == 0f) {
            best.getDisjuncts().forEach(d -> alternatives(d, boost, leaves));
        } else {
            leaves.add(flatten(query, boost));
        }
    }

    /** The clauses of a sum, nested sums lifted into it; a "best of" in it is one clause. */
    private static void added(Query query, float boost, List<Query> clauses) {
        if (query instanceof BoostQuery boosted) {
            added(boosted.getQuery(), boost * boosted.getBoost(), clauses);
        } else if (query instanceof BooleanQuery bool && anyOf(bool)) {
            bool.clauses().forEach(c -> added(c.query(), boost, clauses));
        } else {
            clauses.add(flatten(query, boost));
        }
    }

    /**
     * Where a search must match several things (words, a phrase's words, a status), one filter per required word on
     * {@link #EVERY_WORD} beside it: each is one or two short lists, so Lucene walks them first and scores only the
     * documents that hold every word. Without them, finding that "exchange" and "verify" never meet took walking both
     * words' every field and completion (5 ms at a million tickets, to find nothing). A filter finds what its word
     * finds, or more, never less: the result is the same.
     */
    static void findable(BooleanQuery.Builder query, Query words) {
        List<Query> required = new ArrayList<>();
        if (words instanceof BooleanQuery bool) {
            bool.clauses().stream()
                    .filter(c -> c.occur() == Occur.MUST || c.occur() == Occur.FILTER)
                    .forEach(c -> required.add(c.query()));
        } else {
            required.add(words);
        }
        List<Query> filters = new ArrayList<>();
        for (Query q : required) {
            Query holds = holds(q);
            if (holds != null) {
                filters.add(holds);
            }
        }
        var built = query.build();
        long scoringOrFilters = built.clauses().stream()
                .filter(c -> c.occur() != Occur.MUST_NOT)
                .count();
        if (filters.size() + scoringOrFilters - 1 < 2) {
            return; // one word and nothing else: its own lists are the shortest way
        }
        filters.forEach(f -> query.add(f, Occur.FILTER));
    }

    /** The documents that hold what {@code q} matches, or more, in {@link #EVERY_WORD}; null when not known. */
    static Query holds(Query q) {
        return switch (q) {
            case BoostQuery b -> holds(b.getQuery());
            case TermQuery t
            when TEXT_FIELDS.contains(t.getTerm().field()) ->
                new TermQuery(new Term(EVERY_WORD, t.getTerm().bytes()));
            case TermQuery t when t.getTerm().field().equals(NUMBER) -> t;
            case PhraseQuery p ->
                allOf(java.util.Arrays.stream(p.getTerms())
                        .map(t -> (Query) new TermQuery(new Term(EVERY_WORD, t.bytes())))
                        .toList());
            case org.apache.lucene.search.DisjunctionMaxQuery d -> anyOfHolds(d.getDisjuncts());
            case org.apache.lucene.search.SynonymQuery syn ->
                anyOfHolds(syn.getTerms().stream()
                        .map(t -> (Query) new TermQuery(t))
                        .toList());
            case BooleanQuery bool
            when anyOf(bool) ->
                anyOfHolds(bool.clauses().stream().map(c -> c.query()).toList());
            case BooleanQuery bool -> {
                List<Query> must = bool.clauses().stream()
                        .filter(c -> c.occur() == Occur.MUST || c.occur() == Occur.FILTER)
                        .map(c -> c.query())
                        .toList();
                if (must.isEmpty()) {
                    yield null;
                }
                List<Query> each = new ArrayList<>();
                for (Query m : must) {
                    Query h = holds(m);
                    if (h != null) {
                        each.add(h);
                    }
                }
                yield each.isEmpty() ? null : allOf(each);
            }
            default -> null;
        };
    }

    private static Query anyOfHolds(java.util.Collection<Query> queries) {
        Set<Query> any = new java.util.LinkedHashSet<>();
        for (Query q : queries) {
            Query h = holds(q);
            if (h == null) {
                return null;
            }
            if (h instanceof BooleanQuery b && anyOf(b)) {
                b.clauses().forEach(c -> any.add(c.query()));
            } else {
                any.add(h);
            }
        }
        if (any.size() == 1) {
            return any.iterator().next();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        any.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private static Query allOf(List<Query> queries) {
        if (queries.size() == 1) {
            return queries.getFirst();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        queries.forEach(q -> b.add(q, Occur.FILTER));
        return b.build();
    }

    private static boolean anyOf(BooleanQuery bool) {
        return bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    /** Filters for {@link #similar}: articles (public ones only, or all) and solved tickets other than one. */
    public static Query articles(boolean publicOnly) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, "article")), Occur.FILTER);
        if (publicOnly) {
            q.add(new TermQuery(new Term(VISIBILITY, "public")), Occur.FILTER);
        }
        return q.build();
    }

    public static Query solvedTicketsOtherThan(long ticketId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, "ticket")), Occur.FILTER)
                .add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(STATUS, "solved")), Occur.SHOULD)
                                .add(new TermQuery(new Term(STATUS, "closed")), Occur.SHOULD)
                                .build(),
                        Occur.FILTER)
                .add(new TermQuery(new Term(KEY, "t:" + ticketId)), Occur.MUST_NOT)
                .build();
    }

    /** A searcher and the generation it belongs to (released there, even if a rebuild swapped generations since). */
    private record Acquired(Generation generation, IndexSearcher searcher) {}

    /**
     * A searcher of the live generation; if a rebuild swapped generations between reading {@code live} and acquiring,
     * the new one's. Null when the index is closed.
     */
    private Acquired acquire() throws IOException {
        Generation g = live;
        for (int attempt = 0; g != null && attempt < 5; attempt++) {
            try {
                return new Acquired(g, g.searchers().acquire());
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                g = live;
            }
        }
        return null;
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query words, ScoreDoc[] docs, boolean staff)
            throws IOException {
        String[] fields = staff ? new String[] {SUBJECT, PUBLIC, INTERNAL, CUSTOMER} : new String[] {SUBJECT, PUBLIC};
        // each hit's stored fields are read once, in index order, for its title and its snippets
        Map<Integer, Document> stored = new HashMap<>();
        var storedFields = searcher.storedFields();
        for (int doc :
                java.util.Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray()) {
            stored.put(doc, storedFields.document(doc));
        }
        var settings = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(HIGHLIGHT_UP_TO)
                // marks the query's words where they stand (phrases only whole), read from the postings' offsets;
                // matching the whole query again per hit, or analyzing the text again for a prefix, cost twice as much
                .withWeightMatches(false);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(settings) {
            @Override
            protected List<CharSequence[]> loadFieldValues(
                    String[] names, org.apache.lucene.search.DocIdSetIterator in, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = in.nextDoc();
                        doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = in.nextDoc()) {
                    Document d = stored.get(doc);
                    CharSequence[] row = new CharSequence[names.length];
                    for (int f = 0; f < names.length; f++) {
                        String value = d == null ? null : d.get(names[f]);
                        row[f] = value == null || value.length() <= HIGHLIGHT_UP_TO
                                ? value
                                : value.substring(0, HIGHLIGHT_UP_TO);
                    }
                    values.add(row);
                }
                return values;
            }
        };
        Map<String, String[]> snippets = snippets(highlighter, words, docs, fields);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.get(docs[i].doc);
            String type = doc.get(TYPE);
            // the passage that shows the most of what was asked for (a ticket's subject is its title already)
            String snippet = null;
            int best = 0;
            for (String field : fields) {
                String s = snippets.get(field)[i];
                int marks = s == null || (field.equals(SUBJECT) && !"customer".equals(type)) ? 0 : marks(s);
                if (marks > best) {
                    snippet = s;
                    best = marks;
                }
            }
            if (snippet == null) {
                String s = snippets.get(SUBJECT)[i];
                snippet = s != null && s.contains("<mark>") ? s : fallback(doc.get(PUBLIC));
            }
            String title = "customer".equals(type) ? doc.get(CUSTOMER_NAME) : doc.get(SUBJECT);
            String number = doc.get(NUMBER);
            hits.add(new SearchHit(
                    type,
                    doc.getField(ID).numericValue().longValue(),
                    title,
                    snippet,
                    number == null ? null : Long.valueOf(number),
                    doc.get(URL)));
        }
        return hits;
    }

    private static final String CUSTOMER_NAME = "customer_name";

    /**
     * Each hit's passages that show what was asked for, by field. The conversation is looked at first; the other
     * fields (subject, notes, customer) only for the hits whose conversation does not show every word asked for (a
     * customer, or a match in a note, a name or the subject): most hits need one field looked at instead of four, a
     * third of a search's CPU at a million tickets.
     */
    private static Map<String, String[]> snippets(
            UnifiedHighlighter highlighter, Query words, ScoreDoc[] docs, String[] fields) throws IOException {
        Map<String, String[]> snippets = new HashMap<>();
        String[] shown = highlighter
                .highlightFields(new String[] {PUBLIC}, words, page(docs), new int[] {1})
                .get(PUBLIC);
        snippets.put(PUBLIC, shown);
        String[] others =
                java.util.Arrays.stream(fields).filter(f -> !f.equals(PUBLIC)).toArray(String[]::new);
        for (String field : others) {
            snippets.put(field, new String[docs.length]);
        }
        int asked = wordsAsked(words);
        int[] rest = java.util.stream.IntStream.range(0, docs.length)
                .filter(i -> shown[i] == null || marks(shown[i]) < asked)
                .toArray();
        if (rest.length > 0 && others.length > 0) {
            int[] passages = new int[others.length];
            java.util.Arrays.fill(passages, 1);
            ScoreDoc[] some =
                    java.util.Arrays.stream(rest).mapToObj(i -> docs[i]).toArray(ScoreDoc[]::new);
            Map<String, String[]> more = highlighter.highlightFields(others, words, page(some), passages);
            for (String field : others) {
                for (int j = 0; j < rest.length; j++) {
                    snippets.get(field)[rest[j]] = more.get(field)[j];
                }
            }
        }
        return snippets;
    }

    /**
     * How many words a passage must mark to show all that was asked for: one per required part of the query (a word, a
     * phrase); for words any of which may match (MoreLikeThis's, or "a | b"), all of them, so every field is looked at.
     */
    static int wordsAsked(Query words) {
        Query q = words instanceof BoostQuery b ? b.getQuery() : words;
        if (q instanceof BooleanQuery bool) {
            long required = bool.clauses().stream()
                    .filter(c -> c.occur() == Occur.MUST || c.occur() == Occur.FILTER)
                    .count();
            return required > 0 ? (int) required : Integer.MAX_VALUE;
        }
        return 1;
    }

    private static TopDocs page(ScoreDoc[] docs) {
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
    }

    /** How much of a text snippets are looked for in. */
    private static final int HIGHLIGHT_UP_TO = 20_000;

    /** How many different words a passage marks. */
    private static int marks(String passage) {
        Set<String> words = new java.util.HashSet<>();
        int at = passage.indexOf("<mark>");
        while (at >= 0) {
            int end = passage.indexOf("</mark>", at);
            if (end < 0) {
                break;
            }
            words.add(passage.substring(at + 6, end).toLowerCase(Locale.ROOT));
            at = passage.indexOf("<mark>", end);
        }
        return words.size();
    }

    private static String fallback(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > SNIPPET_FALLBACK ? text.substring(0, SNIPPET_FALLBACK) + "…" : text;
        return org.springframework.web.util.HtmlUtils.htmlEscape(cut);
    }

    /**
     * The words as a query over what this searcher may read; null when there are none. {@code shownOnly} leaves out
     * the stemmed fields: the query the highlighter marks the shown text with, six times cheaper to match per hit.
     */
    Query words(String q, boolean staff, boolean shownOnly) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(SUBJECT, 3f);
        weights.put(PUBLIC, 1f);
        if (staff) {
            weights.put(INTERNAL, 1f);
            weights.put(CUSTOMER, 2f);
        }
        // a prefix is looked for in the words as written: a stem's prefix means nothing
        Map<String, Float> prefixWeights = Map.copyOf(weights);
        List<String> stemFields =
                shownOnly ? List.of() : staff ? List.of(STEM_PUBLIC, STEM_INTERNAL) : List.of(STEM_PUBLIC);
        // as you type: the last word also counts as the start of a longer one
        boolean open = !Character.isWhitespace(q.charAt(q.length() - 1));
        String last = text.substring(text.lastIndexOf(' ') + 1);
        boolean typing = open && WORD.matcher(last).matches();
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights) {
            /** A word: the best of its fields, its stems and, while it is being typed, its completions. */
            @Override
            protected Query newDefaultQuery(String word) {
                List<Query> alternatives = new ArrayList<>();
                Query written = withStems(super.newDefaultQuery(word), word);
                if (written != null) {
                    alternatives.add(written);
                }
                if (typing && word.equals(last)) {
                    alternatives.add(newPrefixQuery(word));
                }
                return bestOf(alternatives);
            }

            @Override
            protected Query newPhraseQuery(String phrase, int slop) {
                Query fields = super.newPhraseQuery(phrase, slop);
                return fields == null ? null : bestOf(List.of(fields));
            }

            @Override
            protected Query newFuzzyQuery(String word, int fuzziness) {
                Query fields = super.newFuzzyQuery(word, fuzziness);
                return fields == null ? null : bestOf(List.of(fields));
            }

            // a quoted phrase means these words as written, in this order: no stems (half the cost of a phrase)

            /**
             * The words as written, or their stem in any configured language: each document keeps its stems in one
             * field, so a word costs a clause per distinct stem (most languages agree) rather than one per language.
             */
            private Query withStems(Query written, String text) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                if (written != null) {
                    any.add(written, Occur.SHOULD);
                }
                Set<Query> stems = new java.util.LinkedHashSet<>();
                for (String field : stemFields) {
                    for (String language : stemmed) {
                        Query q = createFieldQuery(
                                publicStemmers.get(language), getDefaultOperator(), field, text, false, 0);
                        if (q != null) {
                            stems.add(q);
                        }
                    }
                }
                stems.forEach(q -> any.add(new BoostQuery(q, 0.6f), Occur.SHOULD));
                BooleanQuery built = any.build();
                return built.clauses().isEmpty()
                        ? null
                        : built.clauses().size() == 1
                                ? built.clauses().getFirst().query()
                                : built;
            }

            @Override
            protected Query newPrefixQuery(String prefix) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                prefixWeights.forEach((field, weight) -> any.add(
                        new BoostQuery(
                                new org.apache.lucene.search.PrefixQuery(
                                        new Term(field, getAnalyzer().normalize(field, prefix)), PREFIX_TERMS),
                                weight),
                        Occur.SHOULD));
                return bestOf(List.of(any.build()));
            }
        };
        parser.setDefaultOperator(Occur.MUST);
        Query query = parser.parse(text);
        var number = NUMBER_QUERY.matcher(text);
        if (number.matches()) {
            query = new BooleanQuery.Builder()
                    .add(query, Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(NUMBER, number.group(1))), 20f), Occur.SHOULD)
                    .build();
        }
        return query instanceof MatchNoDocsQuery ? null : query;
    }

    /** One word's (or phrase's) alternatives as a "best of", which {@link #flatten} lifts flat; null for none. */
    private static Query bestOf(List<Query> alternatives) {
        return alternatives.isEmpty() ? null : new org.apache.lucene.search.DisjunctionMaxQuery(alternatives, 0f);
    }

    private static void filters(BooleanQuery.Builder query, SearchRequest r, Searcher who) {
        Query publicArticles = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, "article")), Occur.FILTER)
                .add(new TermQuery(new Term(VISIBILITY, "public")), Occur.FILTER)
                .build();
        switch (who) {
            case Searcher.Customer customer -> {
                Query own = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(TYPE, "ticket")), Occur.FILTER)
                        .add(new TermQuery(new Term(CUSTOMER_ID, Long.toString(customer.customerId()))), Occur.FILTER)
                        .build();
                query.add(
                        new BooleanQuery.Builder()
                                .add(own, Occur.SHOULD)
                                .add(publicArticles, Occur.SHOULD)
                                .build(),
                        Occur.FILTER);
            }
            case Searcher.Visitor visitor -> query.add(publicArticles, Occur.FILTER);
            case Searcher.Staff staff -> {
                // everything
            }
        }
        if (r.type() != null) {
            query.add(new TermQuery(new Term(TYPE, r.type().name().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        boolean ticketFilters = !r.statuses().isEmpty()
                || r.channel() != null
                || r.assigneeId() != null
                || r.from() != null
                || r.to() != null;
        if (ticketFilters) {
            query.add(new TermQuery(new Term(TYPE, "ticket")), Occur.FILTER);
        }
        if (!r.statuses().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            r.statuses().forEach(s -> any.add(new TermQuery(new Term(STATUS, s)), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
        if (r.channel() != null) {
            query.add(new TermQuery(new Term(CHANNEL, r.channel())), Occur.FILTER);
        }
        if (r.assigneeId() != null) {
            query.add(new TermQuery(new Term(ASSIGNEE, Long.toString(r.assigneeId()))), Occur.FILTER);
        }
        if (r.language() != null) {
            query.add(new TermQuery(new Term(LANGUAGE, r.language())), Occur.FILTER);
        }
        r.tags().forEach(t -> query.add(new TermQuery(new Term(TAG, t)), Occur.FILTER));
        if (r.from() != null || r.to() != null) {
            long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
            long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(CREATED, from, to), Occur.FILTER);
        }
    }

    /** Writes tickets, each with its customer's name and address; a merged ticket leaves the index. */
    private void put(
            Generation g,
            List<TicketDocument> tickets,
            Map<Long, CustomerRef> customers,
            Map<Long, float[]> meanings,
            boolean fresh) {
        try {
            for (TicketDocument t : tickets) {
                if (t.mergedInto() != null) {
                    if (!fresh) {
                        g.writer().deleteDocuments(new Term(KEY, "t:" + t.id()));
                    }
                    continue;
                }
                Document doc = ticket(t, customers.get(t.customerId()), meanings.get(t.id()));
                if (fresh) {
                    g.writer().addDocument(doc);
                } else {
                    g.writer().updateDocument(new Term(KEY, "t:" + t.id()), doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void putArticles(Generation g, List<ArticleStore.Indexed> articles, boolean fresh) {
        try {
            for (ArticleStore.Indexed a : articles) {
                if (a.article().archived()) {
                    if (!fresh) {
                        g.writer()
                                .deleteDocuments(
                                        new Term(KEY, "a:" + a.article().id()));
                    }
                } else if (fresh) {
                    g.writer().addDocument(article(a));
                } else {
                    g.writer().updateDocument(new Term(KEY, "a:" + a.article().id()), article(a));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document article(ArticleStore.Indexed indexed) {
        Article a = indexed.article();
        Document doc = new Document();
        doc.add(new StringField(KEY, "a:" + a.id(), Field.Store.NO));
        doc.add(new StringField(TYPE, "article", Field.Store.YES));
        doc.add(new StoredField(ID, a.id()));
        doc.add(new Field(SUBJECT, a.title(), SHOWN));
        doc.add(new Field(PUBLIC, indexed.bodyText(), SHOWN));
        doc.add(new StringField(VISIBILITY, a.visibility().code(), Field.Store.NO));
        if (a.visibility() == ArticleVisibility.PUBLIC) {
            doc.add(new StoredField(URL, a.helpPath()));
        }
        doc.add(new StringField(LANGUAGE, a.language(), Field.Store.NO));
        if (stemmed.contains(a.language())) {
            doc.add(stems(STEM_PUBLIC, a.language(), a.title() + "\n" + indexed.bodyText()));
        }
        everyWord(doc, a.language(), a.title() + "\n" + indexed.bodyText(), "");
        if (a.categoryId() != null) {
            doc.add(new StringField(CATEGORY, Long.toString(a.categoryId()), Field.Store.NO));
        }
        for (String tag : a.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        doc.add(new LongPoint(CREATED, a.createdAt().toEpochMilli()));
        return doc;
    }

    private void putCustomer(Generation g, CustomerRef c, boolean fresh) {
        try {
            if (fresh) {
                g.writer().addDocument(customer(c));
                return;
            }
            g.writer().updateDocument(new Term(KEY, "c:" + c.id()), customer(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document ticket(TicketDocument t, CustomerRef customer, float[] meaning) {
        Document doc = new Document();
        doc.add(new StringField(KEY, "t:" + t.id(), Field.Store.NO));
        doc.add(new StringField(TYPE, "ticket", Field.Store.YES));
        doc.add(new StoredField(ID, t.id()));
        doc.add(new StringField(NUMBER, Long.toString(t.number()), Field.Store.YES));
        doc.add(new Field(SUBJECT, t.subject(), SHOWN));
        StringBuilder shown = new StringBuilder();
        StringBuilder internal = new StringBuilder();
        for (TicketDocument.Text m : t.messages()) {
            StringBuilder into = m.visibility() == Visibility.INTERNAL ? internal : shown;
            if (m.body() != null && !m.body().isBlank()) {
                into.append(into.isEmpty() ? "" : "\n").append(m.body());
            }
        }
        doc.add(new Field(PUBLIC, shown.toString(), SHOWN));
        doc.add(new Field(INTERNAL, internal.toString(), SHOWN));
        if (customer != null) {
            doc.add(new Field(CUSTOMER, customerText(customer), SHOWN));
        }
        if (t.language() != null && stemmed.contains(t.language())) {
            doc.add(stems(STEM_PUBLIC, t.language(), t.subject() + "\n" + shown));
            doc.add(stems(STEM_INTERNAL, t.language(), internal.toString()));
        }
        everyWord(
                doc,
                t.language(),
                t.subject() + "\n" + shown + "\n" + internal,
                customer == null ? "" : customerText(customer));
        doc.add(new StringField(CUSTOMER_ID, Long.toString(t.customerId()), Field.Store.NO));
        doc.add(new StringField(STATUS, t.status().code(), Field.Store.NO));
        doc.add(new StringField(CHANNEL, t.channel().code(), Field.Store.NO));
        if (t.assigneeId() != null) {
            doc.add(new StringField(ASSIGNEE, Long.toString(t.assigneeId()), Field.Store.NO));
        }
        if (t.language() != null) {
            doc.add(new StringField(LANGUAGE, t.language(), Field.Store.NO));
        }
        for (String tag : t.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        doc.add(new LongPoint(CREATED, t.createdAt().toEpochMilli()));
        if (meaning != null && meaning.length == Meaning.DIMENSIONS) {
            doc.add(new org.apache.lucene.document.KnnFloatVectorField(
                    MEANING, meaning, org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** {@link #EVERY_WORD}: the texts' words as written, the customer's too, and their stems in the document's language. */
    private void everyWord(Document doc, String language, String texts, String customer) {
        doc.add(new Field(EVERY_WORD, texts + "\n" + customer, HOLDS));
        if (language != null && stemmed.contains(language)) {
            doc.add(new Field(EVERY_WORD, everyWordStemmers.get(language).tokenStream(EVERY_WORD, texts), HOLDS));
        }
    }

    private static Document customer(CustomerRef c) {
        Document doc = new Document();
        doc.add(new StringField(KEY, "c:" + c.id(), Field.Store.NO));
        doc.add(new StringField(TYPE, "customer", Field.Store.YES));
        doc.add(new StoredField(ID, c.id()));
        doc.add(new StoredField(CUSTOMER_NAME, c.name() == null ? "" : c.name()));
        doc.add(new Field(CUSTOMER, customerText(c), SHOWN));
        doc.add(new Field(EVERY_WORD, customerText(c), HOLDS));
        return doc;
    }

    /** A customer's name and address, the address also split at its dots so "schmidt" finds anna.schmidt@…. */
    private static String customerText(CustomerRef c) {
        String name = c.name() == null ? "" : c.name();
        String email = c.email() == null ? "" : c.email();
        int at = email.indexOf('@');
        String local = at > 0 ? email.substring(0, at).replace('.', ' ').replace('_', ' ') : "";
        return (name + " · " + email + " " + local).strip();
    }

    /** Ids as ranges ("4-9,12"): a commit may carry many thousands of open gaps. */
    static String ranges(Set<Long> ids) {
        StringBuilder out = new StringBuilder();
        List<Long> sorted = ids.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ",").append(sorted.get(i));
            if (j > i) {
                out.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    static Set<Long> ranges(String text) {
        Set<Long> ids = new java.util.TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            long from = Long.parseLong(dash < 0 ? p : p.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(p.substring(dash + 1));
            for (long id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * A document's text stemmed in its language, into the one stemmed field of its kind. The stream is read when the
     * document is written, which follows at once on this thread.
     */
    private Field stems(String field, String language, String text) {
        Analyzer stemmer = (field.equals(STEM_INTERNAL) ? internalStemmers : publicStemmers).get(language);
        return new TextField(field, stemmer.tokenStream(field, text));
    }

    private static void delete(Generation g, String key) {
        try {
            g.writer().deleteDocuments(new Term(KEY, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commit(Generation g, Position position) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(COMMIT_CHANGE, Long.toString(position.change()));
        data.put(COMMIT_GAPS, ranges(position.gaps()));
        data.put(COMMIT_FORMAT, FORMAT);
        g.writer().setLiveCommitData(data.entrySet());
        try {
            g.writer().commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where changes are written: an adopted rebuilt generation, else the live one. */
    private Generation writing() {
        Generation a = adopted;
        return a != null ? a : live();
    }

    private Generation live() {
        Generation g = live;
        if (g == null) {
            throw new IllegalStateException("the search index is not open");
        }
        return g;
    }

    private Generation openGeneration(Path path) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        return new Generation(path, directory, writer, new SearcherManager(writer, null));
    }

    private static void closeQuietly(Generation g) {
        try {
            g.searchers().close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        try {
            g.writer().rollback();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        try {
            g.directory().close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover folder is removed by the next rebuild
        }
    }

    /**
     * Closes without committing: what was written since the last commit is dropped, and the change log brings it
     * back at the next start (as after a crash).
     */
    @Override
    public synchronized void close() {
        Generation g = live;
        live = null;
        if (g != null) {
            closeQuietly(g);
        }
        Generation a = adopted;
        adopted = null;
        if (a != null) {
            // built but never live: the next start follows the live one's last commit, or rebuilds
            closeQuietly(a);
            deleteQuietly(a.path());
        }
    }
}
