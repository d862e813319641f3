package io.rapport.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The readable part of an address: "How do I reset my password?" becomes "how-do-i-reset-my-password". */
public final class Slugs {

    static final int MAX = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Latin letters that do not decompose into a base letter and a mark. */
    private static final java.util.Map<Integer, String> LATIN = java.util.Map.ofEntries(
            java.util.Map.entry((int) 'ß', "ss"),
            java.util.Map.entry((int) 'ł', "l"),
            java.util.Map.entry((int) 'Ł', "l"),
            java.util.Map.entry((int) 'ı', "i"),
            java.util.Map.entry((int) 'ø', "o"),
            java.util.Map.entry((int) 'Ø', "o"),
            java.util.Map.entry((int) 'æ', "ae"),
            java.util.Map.entry((int) 'Æ', "ae"),
            java.util.Map.entry((int) 'œ', "oe"),
            java.util.Map.entry((int) 'Œ', "oe"),
            java.util.Map.entry((int) 'đ', "d"),
            java.util.Map.entry((int) 'Đ', "d"),
            java.util.Map.entry((int) 'þ', "th"),
            java.util.Map.entry((int) 'ð', "d"));

    private Slugs() {}

    public static String of(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder latin = new StringBuilder(title.length());
        title.codePoints().forEach(c -> latin.append(LATIN.getOrDefault(c, Character.toString(c))));
        String plain =
                MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
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
