package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** "5 min ago" in the page's language, with plurals right: "vor 1 Tag", "vor 3 Tagen". */
class FormatsTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final Formats formats = new Formats(messages(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private String ago(Locale locale, Duration before) {
        LocaleContextHolder.setLocale(locale);
        return formats.ago(NOW.minus(before));
    }

    @Test
    void germanSaysOneDayAndManyDaysAsGermanDoes() {
        assertThat(ago(Locale.GERMAN, Duration.ofDays(1))).isEqualTo("vor 1 Tag");
        assertThat(ago(Locale.GERMAN, Duration.ofDays(3))).isEqualTo("vor 3 Tagen");
        assertThat(ago(Locale.GERMAN, Duration.ofHours(1))).isEqualTo("vor 1 Stunde");
        assertThat(ago(Locale.GERMAN, Duration.ofHours(5))).isEqualTo("vor 5 Stunden");
        assertThat(ago(Locale.GERMAN, Duration.ofSeconds(10))).isEqualTo("gerade eben");
    }

    @Test
    void englishToo() {
        assertThat(ago(Locale.ENGLISH, Duration.ofDays(1))).isEqualTo("1 day ago");
        assertThat(ago(Locale.ENGLISH, Duration.ofDays(2))).isEqualTo("2 days ago");
        assertThat(ago(Locale.ENGLISH, Duration.ofHours(1))).isEqualTo("1 hour ago");
        assertThat(ago(Locale.ENGLISH, Duration.ofMinutes(5))).isEqualTo("5 min ago");
    }

    /** A stretch of time, enough to act on, as SLA targets and the meanings' walk show it. */
    @Test
    void aStretchOfTimeInEachLanguage() {
        assertThat(formats.span(Duration.ofSeconds(20), Locale.ENGLISH)).isEqualTo("under a minute");
        assertThat(formats.span(Duration.ofMinutes(45), Locale.ENGLISH)).isEqualTo("45 min");
        assertThat(formats.span(Duration.ofMinutes(119), Locale.ENGLISH)).isEqualTo("1 h 59 min");
        assertThat(formats.span(Duration.ofHours(30), Locale.ENGLISH))
                .as("hours up to two days")
                .isEqualTo("30 h 0 min");
        assertThat(formats.span(Duration.ofHours(52), Locale.ENGLISH)).isEqualTo("2 d 4 h");
        assertThat(formats.span(Duration.ofMinutes(119), Locale.GERMAN)).isEqualTo("1 Std. 59 Min.");
        assertThat(formats.span(null, Locale.ENGLISH)).isEmpty();
    }
}
