package io.rapport.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.routing.Reason;
import io.rapport.routing.Routings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing's reasons in each reader's language (ADR 24): stored as keys and arguments, read back (also as the words
 * stored before they had keys), and written in English or German, a language named as its reader names it. Every
 * reason the code gives has its words.
 */
class ReasonWordsTests {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @Test
    void storedReasonsAreReadBackAndWrittenInTheReadersLanguage() {
        List<Reason> given = List.of(
                Reason.of("customerWrites", Reason.language("de")),
                Reason.of("skillLevel", "billing", 4, 3),
                Reason.of("retryMinutes", 1L),
                Reason.of("load", 1200, 2000, 60));
        var stored = JsonMapper.builder().build().writeValueAsString(given);
        // and one stored before reasons had keys
        var read = Decisions.reasons(
                JsonMapper.builder().build().readTree("[\"nobody fits of 3 agents weighed\"," + stored.substring(1)));

        assertThat(Routings.texts(MESSAGES, read, Locale.ENGLISH))
                .containsExactly(
                        "nobody fits of 3 agents weighed",
                        "the customer writes in German",
                        "billing level 4 (needs 3)",
                        "tries again after waiting 1 minute, widening one step",
                        "1200 of 2000 items (60%)");
        assertThat(Routings.texts(MESSAGES, read, Locale.GERMAN))
                .containsExactly(
                        "nobody fits of 3 agents weighed",
                        "die Kundschaft schreibt auf Deutsch",
                        "billing auf Stufe 4 (gefragt: 3)",
                        "versucht es nach 1 Minute wieder und erweitert um einen Schritt",
                        "1200 von 2000 Vorgängen (60 %)");
    }

    /** Hundreds of matching rules overflow the column: the middle goes, what came of the decision stays. */
    @Test
    void aDecisionWithTooManyReasonsKeepsItsConclusion() {
        List<Reason> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(Reason.of("needsSkill", "skill-" + i, 3));
        }
        many.add(Reason.of("customerWrites", Reason.language("de")));
        many.add(Reason.of("onlyOne"));
        var kept = Decisions.fitKeepingEnd(many, 20_000, Decisions.CONCLUSIONS);
        assertThat(JsonMapper.builder().build().writeValueAsString(kept)).hasSizeLessThanOrEqualTo(20_000);
        assertThat(kept.getFirst()).isEqualTo(many.getFirst());
        assertThat(kept.getLast()).isEqualTo(Reason.of("onlyOne"));
        List<String> words = Routings.texts(MESSAGES, kept, Locale.ENGLISH);
        assertThat(words).contains("the customer writes in German", "the only one who fits");
        int leftOut = many.size() - kept.size() + 1;
        assertThat(words).contains(leftOut + " more reasons left out");
        List<Reason> few = List.of(Reason.of("onlyOne"));
        assertThat(Decisions.fitKeepingEnd(few, 20_000, Decisions.CONCLUSIONS)).isSameAs(few);
    }

    @Test
    void everyReasonTheCodeGivesHasWordsInEnglish() throws IOException {
        Properties english = new Properties();
        try (var in = ReasonWordsTests.class.getResourceAsStream("/messages.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Pattern given = Pattern.compile("Reason\\.of\\(\\s*\"(\\w+)\"");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/rapport/routing"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = given.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(30);
        assertThat(names).allSatisfy(n -> assertThat(english).containsKey("routing.why." + n));
    }
}
