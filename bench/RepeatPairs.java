// The repeat-contact threshold, measured (issue 10, point 5): pairs of banking77 customer messages, the same intent
// counting as the same problem. Texts are split in two halves first, so the pairs a threshold is tuned on share no
// message with the pairs it is reported on. Two scores: cosine of all-MiniLM-L6-v2 sentence embeddings (LangChain4j,
// in process) and, as the words-only baseline, cosine of tf-idf vectors of English-stemmed words.
//   bench/repeat.sh            (prints the table docs/benchmarks.md records)
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
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

        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        long started = System.nanoTime();
        float[][] tuneVectors = embed(model, tuning);
        float[][] reportVectors = embed(model, report);
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
        System.out.println("| score | threshold (tuned for P >= 0.9) | tuning P | tuning R | reported P | reported R | reported F1 |");
        System.out.println("|---|---|---|---|---|---|---|");
        evaluate("MiniLM cosine", p -> cos(tuneVectors[p.a()], tuneVectors[p.b()]),
                p -> cos(reportVectors[p.a()], reportVectors[p.b()]), tunePairs, reportPairs);
        evaluate("0.8 MiniLM + 0.2 tf-idf", p -> 0.8 * cos(tuneVectors[p.a()], tuneVectors[p.b()])
                        + 0.2 * tfidf(tuneWords.get(p.a()), tuneWords.get(p.b()), df, documents),
                p -> 0.8 * cos(reportVectors[p.a()], reportVectors[p.b()])
                        + 0.2 * tfidf(reportWords.get(p.a()), reportWords.get(p.b()), df, documents),
                tunePairs, reportPairs);
        evaluate("tf-idf cosine (words)", p -> tfidf(tuneWords.get(p.a()), tuneWords.get(p.b()), df, documents),
                p -> tfidf(reportWords.get(p.a()), reportWords.get(p.b()), df, documents), tunePairs, reportPairs);
    }

    interface Score {
        double of(Pair p);
    }

    static void evaluate(String name, Score tune, Score report, List<Pair> tunePairs, List<Pair> reportPairs) {
        double[] tuneScores = tunePairs.stream().mapToDouble(tune::of).toArray();
        // the lowest threshold whose tuning precision is at least 0.9: the most recall that precision allows
        double best = Double.NaN;
        double[] candidates = Arrays.stream(tuneScores).sorted().distinct().toArray();
        for (double t : candidates) {
            double[] pr = pr(tunePairs, tuneScores, t);
            if (pr[0] >= 0.9) {
                best = t;
                break;
            }
        }
        double[] reportScores = reportPairs.stream().mapToDouble(report::of).toArray();
        double[] tuned = pr(tunePairs, tuneScores, best);
        double[] reported = pr(reportPairs, reportScores, best);
        double f1 = 2 * reported[0] * reported[1] / (reported[0] + reported[1]);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, best, tuned[0], tuned[1],
                reported[0], reported[1], f1);
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

    static float[][] embed(AllMiniLmL6V2QuantizedEmbeddingModel model, List<Text> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = model.embed(texts.get(i).text()).content().vector();
        }
        return vectors;
    }

    static double cos(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
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
