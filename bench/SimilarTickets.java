// Similar solved tickets, measured (issue 10, points 4 and 5): which signal finds a solved ticket about the same
// problem? banking77 customer messages, shuffled (seed 77) and split in two halves: the first half becomes the desk's
// solved tickets, in the product's own search index (io.rapport.knowledge.internal.SearchIndex); 1,000 messages of the
// second half are new tickets asking for suggestions. A suggestion is right when its intent is the new ticket's.
// Signals: words (the suggestions' MoreLikeThis, SearchIndex.similar), meaning (all-MiniLM-L6-v2 through the product's
// Meaning; the nearest vectors, exact and through the index's HNSW graph), and both fused by reciprocal rank.
// Prints, per signal: right at 1 (the first suggestion is right), precision at 5, and the time per ticket; then how
// often 3 of the 5 most similar agree on an intent, and how often that intent is right (topics for routing, ADR 32).
//   bench/similar.sh [corpus.csv] [new tickets]
import io.rapport.accounts.CustomerRef;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.internal.Meaning;
import io.rapport.knowledge.internal.SearchIndex;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Visibility;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.*;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;

public class SimilarTickets {

    record Text(String text, String intent) {}

    static final int SHOWN = 5;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/support/banking77/train.csv");
        int asked = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<Text> all = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(corpus)) {
            for (var row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                all.add(new Text(row.get("text"), row.get("category")));
            }
        }
        Collections.shuffle(all, new Random(77));
        List<Text> solved = all.subList(0, all.size() / 2);
        List<Text> fresh = all.subList(all.size() / 2, all.size() / 2 + asked);

        long t0 = System.nanoTime();
        float[][] solvedVectors = solved.stream().map(t -> Meaning.of(t.text())).toArray(float[][]::new);
        float[][] freshVectors = fresh.stream().map(t -> Meaning.of(t.text())).toArray(float[][]::new);
        double embedMs = (System.nanoTime() - t0) / 1e6 / (solved.size() + fresh.size());

        Path folder = Files.createTempDirectory("rapport-similar");
        SearchIndex index = new SearchIndex(folder, List.of("en", "de", "fr", "es"));
        SearchIndex.Builder builder = index.startRebuild();
        List<TicketDocument> docs = new ArrayList<>();
        Map<Long, float[]> vectors = new HashMap<>();
        for (int i = 0; i < solved.size(); i++) {
            String text = solved.get(i).text();
            docs.add(new TicketDocument(i + 1, i + 1, text.length() > 80 ? text.substring(0, 80) : text,
                    TicketStatus.SOLVED, Channel.EMAIL, Priority.NORMAL, 1, null, null, "en", Set.of(), null,
                    Instant.EPOCH, Instant.EPOCH,
                    List.of(new TicketDocument.Text(i + 1, Visibility.PUBLIC, AuthorType.CUSTOMER, text))));
            vectors.put((long) (i + 1), solvedVectors[i]);
        }
        builder.tickets(docs, Map.of(1L, new CustomerRef(1, "c@example.com", "C", "en")), vectors);
        index.publish(builder, new SearchIndex.Position(0, Set.of()));

        System.out.printf(Locale.ROOT, "== Similar solved tickets from %s: %d solved, %d new tickets, %d intents%n",
                corpus.getFileName(), solved.size(), fresh.size(), all.stream().map(Text::intent).distinct().count());
        System.out.printf(Locale.ROOT, "   embedding: %.2f ms per message on one thread%n", embedMs);
        System.out.println("| signal | right at 1 | precision at 5 | ms per ticket |");
        System.out.println("|---|---|---|---|");

        var filter = SearchIndex.solvedTicketsOtherThan(-1);
        Function<Integer, List<Long>> words = q -> ids(index.similar(fresh.get(q).text(), "en", filter, SHOWN * 4));
        Function<Integer, List<Long>> exact = q -> nearest(freshVectors[q], solvedVectors, null, SHOWN * 4);
        float[] mean = Meaning.mean(Arrays.asList(solvedVectors));
        Function<Integer, List<Long>> centred = q -> nearest(freshVectors[q], solvedVectors, mean, SHOWN * 4);
        Function<Integer, List<Long>> graph = q -> ids(index.nearest(freshVectors[q], filter, SHOWN * 4));
        Function<Integer, List<Long>> fused = q -> fuse(words.apply(q), graph.apply(q));
        Function<Integer, List<Long>> product = q -> ids(index.similar(fresh.get(q).text(), "en", freshVectors[q], filter, SHOWN));

        Map<String, Function<Integer, List<Long>>> signals = new LinkedHashMap<>();
        signals.put("words: MoreLikeThis (before)", words);
        signals.put("meaning: exact nearest cosine", exact);
        signals.put("meaning: exact nearest, centred on the desk's mean", centred);
        signals.put("meaning: the index's HNSW vectors", graph);
        signals.put("words and meaning, reciprocal rank fusion", fused);
        for (double weight : new double[] {0.5, 0.25}) {
            signals.put("words weighted " + weight + " and meaning, reciprocal rank fusion",
                    q -> fuse(words.apply(q), graph.apply(q), weight));
        }
        signals.put("the suggestions (SearchIndex.similar with the vector)", product);
        for (var signal : signals.entrySet()) {
            for (int q = 0; q < 50; q++) {
                signal.getValue().apply(q); // warm-up
            }
            int first = 0;
            int right = 0;
            long start = System.nanoTime();
            for (int q = 0; q < fresh.size(); q++) {
                List<Long> found = signal.getValue().apply(q);
                String intent = fresh.get(q).intent();
                for (int k = 0; k < Math.min(SHOWN, found.size()); k++) {
                    boolean same = solved.get((int) (found.get(k) - 1)).intent().equals(intent);
                    right += same ? 1 : 0;
                    first += same && k == 0 ? 1 : 0;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / fresh.size();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f |%n", signal.getKey(),
                    (double) first / fresh.size(), (double) right / (SHOWN * fresh.size()), ms);
        }
        // topics (ADR 32): the intent (the desk's tag) that 3 of the 5 most similar solved tickets agree on
        int agreed = 0;
        int agreedRight = 0;
        for (int q = 0; q < fresh.size(); q++) {
            Map<String, Integer> votes = new HashMap<>();
            for (long id : product.apply(q)) votes.merge(solved.get((int) (id - 1)).intent(), 1, Integer::sum);
            var top = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            if (top != null && top.getValue() >= 3) {
                agreed++;
                agreedRight += top.getKey().equals(fresh.get(q).intent()) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%n   topics: 3 of the 5 most similar agree on an intent for %.3f of new tickets;"
                + " that intent is theirs for %.3f of those%n", (double) agreed / fresh.size(), (double) agreedRight / agreed);
        index.close();
    }

    static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    static List<Long> nearest(float[] q, float[][] all, float[] centre, int k) {
        Integer[] order = new Integer[all.length];
        double[] score = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            order[i] = i;
            score[i] = Meaning.cosine(q, all[i], centre);
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) ids.add((long) order[i] + 1);
        return ids;
    }

    /** Reciprocal rank fusion (k = 60): each list adds 1 / (60 + rank) to the documents it holds. */
    static List<Long> fuse(List<Long> a, List<Long> b) {
        return fuse(a, b, 1.0);
    }

    /** As above, the first list's share weighted. */
    static List<Long> fuse(List<Long> a, List<Long> b, double weightOfA) {
        Map<Long, Double> score = new HashMap<>();
        for (int r = 0; r < a.size(); r++) score.merge(a.get(r), weightOfA / (60 + r + 1), Double::sum);
        for (int r = 0; r < b.size(); r++) score.merge(b.get(r), 1.0 / (60 + r + 1), Double::sum);
        return score.entrySet().stream().sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(SHOWN).toList();
    }
}
