package io.rapport.bench;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.rapport.routing.internal.LinguaDetection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What naming a new ticket's language costs, by the length of its first message, with the ten default languages:
 * Rapport's detection (on at most the first 300 characters) against Lingua on the first 1,000 (as before). Lingua
 * reads a text under 120 characters by every n-gram length, a longer one by trigrams. Run with
 * {@code bench/routing.sh LanguageDetectionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(1)
public class LanguageDetectionBenchmark {

    static final List<String> TEN = List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr");

    static final String CHAT = "My card payment was declined at the shop today.";
    static final String MAIL = """
            Hello, I tried to pay for my groceries with my card this morning and the payment was declined twice, \
            although there is enough money in my account. Could you tell me what is wrong and whether my card has \
            been blocked? I need it for a trip on Friday.""";
    static final String LONG_MAIL = (MAIL + " ").repeat(5)
            + "Kind regards, and thank you for looking into it so quickly. This is the third time this month.";

    @Param({"chat", "mail", "long-mail"})
    public String length;

    private String text;
    private LinguaDetection rapport;
    private LanguageDetector precise;

    @Setup
    public void setUp() {
        text = switch (length) {
            case "chat" -> CHAT;
            case "mail" -> MAIL;
            default -> LONG_MAIL;
        };
        rapport = new LinguaDetection(TEN);
        precise = LanguageDetectorBuilder.fromIsoCodes639_1(TEN.stream()
                        .map(c -> com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(c.toUpperCase()))
                        .toArray(com.github.pemistahl.lingua.api.IsoCode639_1[]::new))
                .withMinimumRelativeDistance(0.05)
                .build();
    }

    @Benchmark
    public Object rapport() {
        return rapport.detect(text);
    }

    /** Lingua as Rapport used it before: on the text's first 1,000 characters. */
    @Benchmark
    public Language thousand() {
        return precise.detectLanguageOf(text.length() > 1000 ? text.substring(0, 1000) : text);
    }
}
