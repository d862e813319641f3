package io.rapport.web.internal;

/**
 * Text the desk cannot store as it was sent: a NUL character (PostgreSQL refuses it in text) or a lone UTF-16
 * surrogate (half a character: it would be stored as "?", not as what the caller sent). Such input is refused at the
 * edge, naming the field, before anything is stored.
 */
public final class CleanText {

    private CleanText() {}

    /** What is wrong with the text, or null when it can be stored as it is. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain half a character (a lone UTF-16 surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain half a character (a lone UTF-16 surrogate)";
            }
        }
        return null;
    }
}
