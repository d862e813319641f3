package io.rapport.bench;

import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.SearchResults;
import io.rapport.knowledge.Searcher;
import io.rapport.knowledge.internal.SearchIndex;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Visibility;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One search's cost inside the node, without HTTP (issue 10, point 7): the index of {@code tickets} tickets built as
 * bench/search.sh builds it (banking77 texts as subject and first message, a customer per five tickets, English,
 * German, French and Spanish tickets, ten configured languages), then the kinds of query an agent types, one at a time
 * on one thread. The time per search is its CPU cost: at concurrency 20 on two cores, a p95 under 50 ms needs about
 * 5 ms of CPU per search, HTTP included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(1)
public class SearchIndexBenchmark {

    static final String[] WORDS = {"card", "refund", "transfer", "declined", "pin", "atm", "fee", "exchange", "top",
        "cash", "payment", "account", "verify", "identity", "statement", "charged", "pending", "arrived", "stolen", "lost"};
    static final String[] PHRASES = {"\"card payment\"", "\"exchange rate\"", "\"top up\"", "\"my card\"",
        "\"cash withdrawal\""};
    static final String[] PREFIXES = {"tran", "refu", "decl", "withd", "veri", "ident", "exch", "stat"};
    static final String[] STATUS = {"new", "open", "open", "pending", "solved", "solved", "solved", "closed", "closed",
        "closed"};
    static final String[] LANGUAGE = {"en", "en", "en", "de", "fr", "es"};
    static final List<String> CONFIGURED = List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr");

    @Param("200000")
    public int tickets;

    private Path folder;
    private SearchIndex index;
    private final Searcher staff = Searcher.staff();
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        List<String[]> texts = texts(Path.of("../shared/corpora/support/banking77/train.csv"));
        folder = Files.createTempDirectory("rapport-search-bench");
        index = new SearchIndex(folder, CONFIGURED);
        Random random = new Random(77);
        int customers = Math.max(1000, tickets / 5);
        Instant start = Instant.parse("2024-11-30T00:00:00Z");
        long t0 = System.nanoTime();
        SearchIndex.Builder builder = index.startRebuild();
        List<CustomerRef> people = new ArrayList<>();
        Map<Long, CustomerRef> byId = new HashMap<>();
        for (long c = 1; c <= customers; c++) {
            CustomerRef ref = new CustomerRef(c, "customer-" + c + "@bench.example.com", "Customer " + c, "en");
            people.add(ref);
            byId.put(c, ref);
        }
        builder.customers(people);
        Channel[] channels = Channel.values();
        List<TicketDocument> batch = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            String[] text = texts.get(random.nextInt(texts.size()));
            long customer = 1 + random.nextInt(customers);
            Instant created = start.plusSeconds((long) ((double) i / tickets * 730 * 86400));
            batch.add(new TicketDocument(
                    i + 1,
                    i + 1,
                    text[0],
                    TicketStatus.valueOf(STATUS[random.nextInt(STATUS.length)].toUpperCase()),
                    channels[random.nextInt(channels.length)],
                    Priority.NORMAL,
                    customer,
                    random.nextBoolean() ? null : (long) (1 + random.nextInt(50)),
                    null,
                    LANGUAGE[random.nextInt(LANGUAGE.length)],
                    random.nextInt(10) == 0 ? Set.of(text[1], "vip") : Set.of(text[1]),
                    null,
                    created,
                    created,
                    List.of(new TicketDocument.Text(i + 1, Visibility.PUBLIC, AuthorType.CUSTOMER, text[0]))));
            if (batch.size() == 500) {
                builder.tickets(batch, byId);
                batch = new ArrayList<>();
            }
        }
        builder.tickets(batch, byId);
        index.publish(builder, new SearchIndex.Position(0, Set.of()));
        System.out.printf("%n-- index of %d tickets and %d customers built in %.1f s%n",
                tickets, customers, (System.nanoTime() - t0) / 1e9);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        index.close();
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private SearchResults search(String q) {
        return index.search(SearchRequest.of(q), staff);
    }

    private int next() {
        return next++ & 0xffff;
    }

    @Benchmark
    public SearchResults oneWord() {
        return search(WORDS[next() % WORDS.length]);
    }

    @Benchmark
    public SearchResults twoWords() {
        int i = next();
        return search(WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length]);
    }

    @Benchmark
    public SearchResults phrase() {
        return search(PHRASES[next() % PHRASES.length]);
    }

    @Benchmark
    public SearchResults prefix() {
        return search(PREFIXES[next() % PREFIXES.length]);
    }

    @Benchmark
    public SearchResults customerName() {
        return search("Customer " + (1 + (next() * 7919) % Math.max(1000, tickets / 5)));
    }

    @Benchmark
    public SearchResults wordWithStatus() {
        int i = next();
        return index.search(
                new SearchRequest(WORDS[i % WORDS.length], null, Set.of("open"), null, null, null, null, null, Set.of(),
                        0, 20),
                staff);
    }

    /** banking77 rows: the customer's words and their intent (a tag), as bench/BulkLoad.java reads them. */
    static List<String[]> texts(Path corpus) throws Exception {
        List<String[]> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                int comma = line.lastIndexOf(',');
                if (comma <= 0 || !line.substring(comma + 1).strip().matches("[a-z_]{1,50}")
                        || (line.startsWith("\"") && !line.substring(0, comma).endsWith("\""))) {
                    continue;
                }
                String text = line.substring(0, comma).replaceAll("^\"|\"$", "").replace("\"\"", "\"");
                texts.add(new String[] {text.length() > 240 ? text.substring(0, 240) : text,
                    line.substring(comma + 1).strip()});
            }
        }
        return texts;
    }
}
