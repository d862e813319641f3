package io.rapport.web;

import java.util.List;

/** The languages pages and mails are written in: each has a message bundle. */
public final class UiLanguages {

    public static final List<String> SUPPORTED = List.of("en", "de");

    private UiLanguages() {}

    public static boolean supported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** The locale to write to someone who prefers this language: theirs when we have it, else English. */
    public static java.util.Locale localeFor(String language) {
        return supported(language) ? java.util.Locale.forLanguageTag(language) : java.util.Locale.ENGLISH;
    }
}
