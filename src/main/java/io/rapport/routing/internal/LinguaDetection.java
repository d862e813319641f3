package io.rapport.routing.internal;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.rapport.tickets.LanguageDetection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * The language of a customer's message by Lingua (ADR 23), built for the configured languages only: each language's
 * models take memory, and a language nobody supports cannot be routed on anyway. The detector is built on first use,
 * so a node that never reads a customer's message loads nothing. A text with no letters, or one Lingua cannot tell
 * apart, says nothing.
 */
public final class LinguaDetection implements LanguageDetection {

    private static final Logger log = LoggerFactory.getLogger(LinguaDetection.class);

    /**
     * Enough text to tell the language; more only costs time. From {@link #LONG} characters on Lingua reads trigrams
     * only, and its work grows with the length: 300 characters cost a third of 1,000 (benchmarks.md, "Language
     * detection"), with no loss on the longer-message check.
     */
    static final int MAX_CHARS = 300;

    /** From this length on Lingua reads a text by its trigrams alone (shorter ones by every n-gram length). */
    static final int LONG = 120;

    /**
     * How clearly the likeliest language must lead the next: below it, nothing is said and the ticket keeps the
     * customer's chosen language. Tuned on the short-message set (benchmarks.md): at 0.05 no message of 250 is named
     * wrongly and 12 are left unnamed (one-word greetings such as "hallo?", shared by several languages); at 0 six are
     * named wrongly; at 0.15 a fifth are left unnamed.
     */
    static final double MIN_DISTANCE = 0.05;

    private final Set<Language> languages;
    private final Supplier<LanguageDetector> detector;

    public LinguaDetection(Collection<String> isoCodes) {
        this.languages = languages(isoCodes);
        Set<Language> chosen = this.languages;
        this.detector = SingletonSupplier.of(() -> build(chosen));
    }

    /** The configured languages as ISO 639-1 codes, in their order of declaration. */
    public List<String> languages() {
        return languages.stream().map(l -> code(l)).toList();
    }

    @Override
    public Optional<String> detect(String text) {
        if (languages.isEmpty() || text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        if (languages.size() == 1) {
            return Optional.of(code(languages.iterator().next()));
        }
        String sample = text.length() > MAX_CHARS
                ? text.substring(0, Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS)
                : text;
        Language found = detector.get().detectLanguageOf(sample);
        return found == Language.UNKNOWN ? Optional.empty() : Optional.of(code(found));
    }

    private static LanguageDetector build(Set<Language> languages) {
        long started = System.nanoTime();
        LanguageDetector built = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withMinimumRelativeDistance(MIN_DISTANCE)
                .build();
        log.info(
                "Language detection ready for {} in {} ms",
                languages.stream().map(LinguaDetection::code).toList(),
                (System.nanoTime() - started) / 1_000_000);
        return built;
    }

    /** Reads ISO 639-1 codes; an unknown one is refused at start (a typo would silently route everyone wrong). */
    static Set<Language> languages(Collection<String> isoCodes) {
        Set<Language> set = EnumSet.noneOf(Language.class);
        List<String> unknown = new ArrayList<>();
        for (String raw : isoCodes) {
            String code = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            try {
                set.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("rapport.languages: not a language Rapport can detect: " + unknown);
        }
        return set;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
