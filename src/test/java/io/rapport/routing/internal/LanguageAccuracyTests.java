package io.rapport.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often the detector names the right language for short customer messages (under 60 characters, ten languages,
 * {@code routing/short-messages.tsv}). Prints the table that {@code docs/benchmarks.md} records.
 */
class LanguageAccuracyTests {

    record Sample(String language, String text) {}

    static final List<String> TEN = List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr");
    static List<Sample> samples;
    static LinguaDetection detection;

    @BeforeAll
    static void load() throws IOException {
        samples = new ArrayList<>();
        try (InputStream in = LanguageAccuracyTests.class.getResourceAsStream("/routing/short-messages.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                samples.add(new Sample(parts[0], parts[1]));
            }
        }
        detection = new LinguaDetection(TEN);
    }

    @Test
    void theSetIsShortMessagesInTenLanguages() {
        assertThat(samples).allSatisfy(s -> assertThat(s.text().length()).isLessThan(60));
        assertThat(samples.stream().map(Sample::language).distinct()).containsExactlyInAnyOrderElementsOf(TEN);
    }

    @Test
    void namesTheLanguageOfShortMessages() {
        Map<String, int[]> byLanguage = new LinkedHashMap<>();
        TEN.forEach(l -> byLanguage.put(l, new int[3]));
        List<String> misses = new ArrayList<>();
        int[] tiny = new int[2];
        for (Sample s : samples) {
            int[] counts = byLanguage.get(s.language());
            counts[0]++;
            String found = detection.detect(s.text()).orElse(null);
            if (s.text().length() < 20) {
                tiny[0]++;
                tiny[1] += s.language().equals(found) ? 1 : 0;
            }
            if (s.language().equals(found)) {
                counts[1]++;
            } else if (found == null) {
                counts[2]++;
                misses.add(s.language() + " (none): " + s.text());
            } else {
                misses.add(s.language() + " as " + found + ": " + s.text());
            }
        }
        int total = 0;
        int right = 0;
        int unsure = 0;
        StringBuilder table = new StringBuilder(
                "| language | messages | right | not sure | wrong | accuracy |\n|---|---|---|---|---|---|\n");
        for (var e : byLanguage.entrySet()) {
            int[] c = e.getValue();
            total += c[0];
            unsure += c[2];
            right += c[1];
            table.append("| %s | %d | %d | %d | %d | %.2f |%n"
                    .formatted(e.getKey(), c[0], c[1], c[2], c[0] - c[1] - c[2], c[1] / (double) c[0]));
        }
        double accuracy = right / (double) total;
        table.append("| all | %d | %d | %d | %d | %.3f |%n"
                .formatted(total, right, unsure, total - right - unsure, accuracy));
        table.append("| under 20 characters | %d | %d | | | %.3f |%n"
                .formatted(tiny[0], tiny[1], tiny[1] / (double) tiny[0]));
        System.out.println(table);
        misses.forEach(m -> System.out.println("  missed " + m));
        // Lingua's published accuracy on single words and word pairs is around 0.75-0.9; support lines carry more.
        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
        // a wrong language routes to the wrong person; "not sure" keeps the customer's own choice
        assertThat(total - right - unsure).isLessThanOrEqualTo(total / 50);
    }

    /**
     * Longer messages (120 characters or more, which Lingua reads by trigrams alone): the short messages of each
     * language joined in their order until they are long enough, so each is text never read together before.
     * Everything named, and named right.
     */
    @Test
    void namesTheLanguageOfLongerMessagesAsWell() {
        List<Sample> longer = new ArrayList<>();
        for (String language : TEN) {
            StringBuilder text = new StringBuilder();
            for (Sample s : samples) {
                if (!s.language().equals(language)) {
                    continue;
                }
                text.append(text.isEmpty() ? "" : " ").append(s.text());
                if (text.length() >= LinguaDetection.LONG) {
                    longer.add(new Sample(language, text.toString()));
                    text.setLength(0);
                }
            }
        }
        int right = 0;
        int unsure = 0;
        for (Sample s : longer) {
            String found = detection.detect(s.text()).orElse(null);
            if (s.language().equals(found)) {
                right++;
            } else if (found == null) {
                unsure++;
            } else {
                System.out.println("  long message as " + found + " (" + s.language() + "): " + s.text());
            }
        }
        System.out.printf(
                "| 120 characters or more | %d | %d | %d | %d | %.3f |%n",
                longer.size(), right, unsure, longer.size() - right - unsure, right / (double) longer.size());
        assertThat(longer).hasSizeGreaterThanOrEqualTo(40);
        assertThat(right).isEqualTo(longer.size());
    }
}
