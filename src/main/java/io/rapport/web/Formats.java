package io.rapport.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Time as pages show it: exact UTC for the machine-readable attribute, "5 min ago" for people. Used as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    Formats(MessageSource messages) {
        this.messages = messages;
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
        long seconds = Math.max(0, Duration.between(instant, Instant.now()).toSeconds());
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
}
