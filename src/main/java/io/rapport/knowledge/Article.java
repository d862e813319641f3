package io.rapport.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge-base article in one language. Its variants in other languages share its {@code familyId}. {@code
 * version} counts its saves; an edit names the version it started from, so two people saving one article cannot lose
 * either's work. {@code helpful} and {@code notHelpful} count the help center's "Did this help?" answers.
 */
public record Article(
        long id,
        long familyId,
        String language,
        ArticleVisibility visibility,
        Long categoryId,
        String title,
        String slug,
        String bodyHtml,
        List<String> tags,
        int version,
        boolean archived,
        Long createdBy,
        Instant createdAt,
        Long updatedBy,
        Instant updatedAt,
        long helpful,
        long notHelpful) {

    /** Where the help center shows it: readable, and the same address whatever the title becomes (by id). */
    public static String helpPath(long id, String slug) {
        return "/help/articles/" + id + (slug == null || slug.isEmpty() ? "" : "-" + slug);
    }

    public String helpPath() {
        return helpPath(id, slug);
    }

    public boolean isPublic() {
        return visibility == ArticleVisibility.PUBLIC && !archived;
    }
}
