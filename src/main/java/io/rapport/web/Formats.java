package io.rapport.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times and sizes as pages show them: exact UTC for the machine-readable attribute, "5 min ago" and "14 KB" for people.
 * Every module's templates use it as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Clock clock;

    Formats(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String exact(Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        long seconds = Math.max(0, Duration.between(instant, clock.instant()).toSeconds());
        if (seconds < 60) {
            return messages.getMessage("time.now", null, locale);
        }
        if (seconds < 3600) {
            return messages.getMessage("time.minutes", new Object[] {seconds / 60}, locale);
        }
        if (seconds < 86_400) {
            return messages.getMessage("time.hours", new Object[] {seconds / 3600}, locale);
        }
        if (seconds < 86_400 * 60) {
            return messages.getMessage("time.days", new Object[] {seconds / 86_400}, locale);
        }
        return exact(instant);
    }

    /**
     * A stretch of time for people, enough to act on: "under a minute", "12 min", "2 h 10 min", from two days on
     * "3 d 4 h"; empty for none. In the page's language.
     */
    public String span(Duration duration) {
        return span(duration, LocaleContextHolder.getLocale());
    }

    /** As {@link #span(Duration)}, in this language. */
    public String span(Duration duration, Locale locale) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return messages.getMessage("time.span.short", null, locale);
        }
        if (minutes < 60) {
            return messages.getMessage("time.span.minutes", new Object[] {minutes}, locale);
        }
        if (minutes < 48 * 60) {
            return messages.getMessage("time.span.hours", new Object[] {minutes / 60, minutes % 60}, locale);
        }
        return messages.getMessage("time.span.days", new Object[] {minutes / (24 * 60), minutes / 60 % 24}, locale);
    }

    /** A file size for people: "812 B", "14 KB", "3.2 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return ((bytes + 1023) / 1024) + " KB";
        }
        return String.format(LocaleContextHolder.getLocale(), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
