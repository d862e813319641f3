package io.rapport.web;

import java.util.List;

/** The languages pages and mails are written in: each has a message bundle. */
public final class UiLanguages {

    public static final List<String> SUPPORTED = List.of("en", "de");

    private UiLanguages() {}

    public static boolean supported(String code) {
        return code != null && SUPPORTED.contains(code);
    }
}
