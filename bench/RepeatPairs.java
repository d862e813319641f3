// The repeat-contact threshold, measured (issue 10, point 5; ADR 30): pairs of banking77 customer messages, the same
// intent counting as the same problem. Texts are split in two halves first, so the pairs a threshold is tuned on share
// no message with the pairs it is reported on. Scores: the watch's own (io.rapport.knowledge.internal.Meaning:
// all-MiniLM-L6-v2 in process, cosine after taking the desk's mean vector away), the plain cosine, and, as the
// words-only baseline, cosine of tf-idf vectors of English-stemmed words. The last row replaces the random other-intent
// pairs with near ones, which is where the model errs.
//   bench/repeat.sh            (prints the table docs/benchmarks.md records)
import io.rapport.knowledge.internal.Meaning;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.apache.commons.csv.CSVFormat;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class RepeatPairs {

    record Text(String text, String intent) {}

    record Pair(int a, int b, boolean same) {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/support/banking77/train.csv");
        int pairsPerKind = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        List<Text> all = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(corpus)) {
            for (var row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                all.add(new Text(row.get("text"), row.get("category")));
            }
        }
        Random random = new Random(77);
        Collections.shuffle(all, random);
        List<Text> tuning = all.subList(0, all.size() / 2);
        List<Text> report = all.subList(all.size() / 2, all.size());

        // the product's own embedding (io.rapport.knowledge.internal.Meaning: the model, truncation, unit length)
        long started = System.nanoTime();
        float[][] tuneVectors = embed(tuning);
        float[][] reportVectors = embed(report);
        double msPerText = (System.nanoTime() - started) / 1e6 / all.size();

        Analyzer english = new EnglishAnalyzer();
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Integer>> tuneWords = words(english, tuning, df);
        List<Map<String, Integer>> reportWords = words(english, report, null);
        int documents = tuning.size();

        List<Pair> tunePairs = pairs(tuning, pairsPerKind, random);
        List<Pair> reportPairs = pairs(report, pairsPerKind, random);

        System.out.printf(Locale.ROOT, "== Repeat-contact pairs from %s: %d messages, %d intents%n", corpus.getFileName(),
                all.size(), all.stream().map(Text::intent).distinct().count());
        System.out.printf(Locale.ROOT, "   halves of %d and %d messages; %d same-intent and %d other-intent pairs in each%n",
                tuning.size(), report.size(), pairsPerKind, pairsPerKind);
        System.out.printf(Locale.ROOT, "   embedding: %.2f ms per message on one thread%n", msPerText);
        System.out.println("| score | threshold | tuning P | tuning R | reported P | reported R | reported F1 |");
        System.out.println("|---|---|---|---|---|---|---|");
        evaluate("tf-idf cosine (words)", 0.90, p -> tfidf(tuneWords.get(p.a()), tuneWords.get(p.b()), df, documents),
                p -> tfidf(reportWords.get(p.a()), reportWords.get(p.b()), df, documents), tunePairs, reportPairs);
        for (double target : new double[] {0.90, 0.93}) {
            evaluate("MiniLM cosine, tuned to P " + target, target, cosine(tuneVectors, null),
                    cosine(reportVectors, null), tunePairs, reportPairs);
        }
        // Centring: the mean vector of the desk's own messages (the tuning half: what the desk saw before) is taken
        // away from both, which removes the direction every support message shares.
        float[] mean = Meaning.mean(Arrays.asList(tuneVectors));
        for (double target : new double[] {0.90, 0.93}) {
            evaluate("MiniLM centred on the desk's mean, tuned to P " + target, target, cosine(tuneVectors, mean),
                    cosine(reportVectors, mean), tunePairs, reportPairs);
        }
        double product = Double.NaN;
        for (int few : new int[] {50, 1000}) {
            float[] m = Meaning.mean(Arrays.asList(tuneVectors).subList(0, few));
            double t = evaluate("MiniLM centred on " + few + " messages, tuned to P 0.93" + (few == 1000 ? " (the watch)" : ""),
                    0.93, cosine(tuneVectors, m), cosine(reportVectors, m), tunePairs, reportPairs);
            if (few == 1000) product = t;
        }
        if (args.length > 2) {
            List<Text> other = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[2]))) other.add(new Text(line, ""));
            float[] m = Meaning.mean(Arrays.asList(embed(other)));
            evaluate("MiniLM centred on " + other.size() + " other-domain messages", 0.93, cosine(tuneVectors, m),
                    cosine(reportVectors, m), tunePairs, reportPairs);
        }
        // Harder than random: each other-intent partner is the nearest (plain cosine) of 50 random other-intent
        // messages, as a customer's next ticket about a neighbouring problem would be. Same positives.
        float[] m1000 = Meaning.mean(Arrays.asList(tuneVectors).subList(0, 1000));
        List<Pair> near = nearNegatives(report, reportVectors, reportPairs, random);
        double[] hard = pr(near, near.stream().mapToDouble(cosine(reportVectors, m1000)::of).toArray(), product);
        System.out.printf(Locale.ROOT, "| the watch against near other-intent pairs | %.3f | | | %.3f | %.3f | %.3f |%n",
                product, hard[0], hard[1], 2 * hard[0] * hard[1] / (hard[0] + hard[1]));
    }

    static Score cosine(float[][] vectors, float[] centre) {
        return p -> Meaning.cosine(vectors[p.a()], vectors[p.b()], centre);
    }

    static List<Pair> nearNegatives(List<Text> texts, float[][] vectors, List<Pair> pairs, Random random) {
        List<Pair> out = new ArrayList<>(pairs.stream().filter(Pair::same).toList());
        int negatives = out.size();
        for (int n = 0; n < negatives; n++) {
            int a = random.nextInt(texts.size());
            int best = -1;
            double bestScore = -2;
            for (int k = 0; k < 50; k++) {
                int b = random.nextInt(texts.size());
                if (texts.get(b).intent().equals(texts.get(a).intent())) continue;
                double c = Meaning.cosine(vectors[a], vectors[b], null);
                if (c > bestScore) { bestScore = c; best = b; }
            }
            out.add(new Pair(a, best, false));
        }
        return out;
    }

    interface Score {
        double of(Pair p);
    }

    /** Tunes a threshold for the target precision on the tuning pairs, reports it on the others; returns it. */
    static double evaluate(String name, double target, Score tune, Score report, List<Pair> tunePairs, List<Pair> reportPairs) {
        double[] tuneScores = tunePairs.stream().mapToDouble(tune::of).toArray();
        // the lowest threshold whose tuning precision reaches the target: the most recall that precision allows
        double best = Double.NaN;
        double[] candidates = Arrays.stream(tuneScores).sorted().distinct().toArray();
        for (double t : candidates) {
            double[] pr = pr(tunePairs, tuneScores, t);
            if (pr[0] >= target) {
                best = t;
                break;
            }
        }
        double[] reportScores = reportPairs.stream().mapToDouble(report::of).toArray();
        double[] tuned = pr(tunePairs, tuneScores, best);
        double[] reported = pr(reportPairs, reportScores, best);
        double f1 = 2 * reported[0] * reported[1] / (reported[0] + reported[1]);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, best, tuned[0], tuned[1],
                reported[0], reported[1], f1);        return best;
    }

    /** Precision and recall of "same problem" at score >= t. */
    static double[] pr(List<Pair> pairs, double[] scores, double t) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            boolean said = scores[i] >= t;
            if (said && pairs.get(i).same()) tp++;
            else if (said) fp++;
            else if (pairs.get(i).same()) fn++;
        }
        return new double[] {tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn)};
    }

    static List<Pair> pairs(List<Text> texts, int perKind, Random random) {
        Map<String, List<Integer>> byIntent = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byIntent.computeIfAbsent(texts.get(i).intent(), k -> new ArrayList<>()).add(i);
        }
        List<String> intents = byIntent.keySet().stream().filter(k -> byIntent.get(k).size() > 1).sorted().toList();
        List<Pair> pairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (pairs.size() < perKind) {
            List<Integer> same = byIntent.get(intents.get(random.nextInt(intents.size())));
            int a = same.get(random.nextInt(same.size())), b = same.get(random.nextInt(same.size()));
            if (a != b && seen.add(key(a, b))) pairs.add(new Pair(a, b, true));
        }
        while (pairs.size() < 2 * perKind) {
            int a = random.nextInt(texts.size()), b = random.nextInt(texts.size());
            if (!texts.get(a).intent().equals(texts.get(b).intent()) && seen.add(key(a, b))) pairs.add(new Pair(a, b, false));
        }
        return pairs;
    }

    static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static float[][] embed(List<Text> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = Meaning.of(texts.get(i).text());
        }
        return vectors;
    }

    static List<Map<String, Integer>> words(Analyzer analyzer, List<Text> texts, Map<String, Integer> df) throws Exception {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Text t : texts) {
            Map<String, Integer> tf = new HashMap<>();
            try (TokenStream ts = analyzer.tokenStream("t", t.text())) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tf.merge(term.toString(), 1, Integer::sum);
                }
                ts.end();
            }
            if (df != null) {
                tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            }
            out.add(tf);
        }
        return out;
    }

    static double tfidf(Map<String, Integer> a, Map<String, Integer> b, Map<String, Integer> df, int n) {
        double dot = 0, na = 0, nb = 0;
        for (var e : a.entrySet()) {
            double w = e.getValue() * Math.log(1 + (double) n / (1 + df.getOrDefault(e.getKey(), 0)));
            na += w * w;
            Integer other = b.get(e.getKey());
            if (other != null) {
                dot += w * other * Math.log(1 + (double) n / (1 + df.getOrDefault(e.getKey(), 0)));
            }
        }
        for (var e : b.entrySet()) {
            double w = e.getValue() * Math.log(1 + (double) n / (1 + df.getOrDefault(e.getKey(), 0)));
            nb += w * w;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
