package io.rapport.knowledge;

import java.time.Instant;
import java.util.List;

/** One saved state of an article, with who saved it and when. */
public record ArticleVersion(
        long articleId,
        int version,
        String title,
        String bodyHtml,
        ArticleVisibility visibility,
        Long categoryId,
        List<String> tags,
        Long authorId,
        String authorName,
        Instant savedAt) {}
