package io.rapport.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The readable part of an address: "How do I reset my password?" becomes "how-do-i-reset-my-password". */
public final class Slugs {

    static final int MAX = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Slugs() {}

    public static String of(String title) {
        if (title == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(title.replace("ß", "ss"), Normalizer.Form.NFD))
                .replaceAll("");
        String slug = OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trim(slug);
        if (slug.length() > MAX) {
            int cut = slug.lastIndexOf('-', MAX);
            slug = trim(slug.substring(0, cut > MAX / 2 ? cut : MAX));
        }
        return slug;
    }

    private static String trim(String slug) {
        int from = 0;
        int to = slug.length();
        while (from < to && slug.charAt(from) == '-') {
            from++;
        }
        while (to > from && slug.charAt(to - 1) == '-') {
            to--;
        }
        return slug.substring(from, to);
    }
}
