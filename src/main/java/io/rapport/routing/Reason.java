package io.rapport.routing;

import java.util.List;
import java.util.Map;

/**
 * One reason behind a routing decision, kept as a message key and its arguments so that each reader gets it in their
 * own language: the API in English, the ticket page in the agent's (ADR 24). An argument made by {@link #language}
 * names a language, and is written as the reader calls it ("German", "Deutsch"). A reason stored before reasons had
 * keys has none: its words are shown as they are.
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The reason {@code routing.why.<name>} with these arguments (numbers, names, {@link #language}s). */
    public static Reason of(String name, Object... args) {
        return new Reason("routing.why." + name, List.of(args));
    }

    /** A reason in words only (one stored before reasons had keys). */
    public static Reason words(String text) {
        return new Reason(null, List.of(text));
    }

    /** An argument naming the language with this ISO 639-1 code. */
    public static Map<String, String> language(String code) {
        return Map.of("lang", code);
    }

    /** The code of the language an argument names, or null when it names none. */
    public static String languageOf(Object arg) {
        return arg instanceof Map<?, ?> m && m.get("lang") instanceof String code ? code : null;
    }
}
