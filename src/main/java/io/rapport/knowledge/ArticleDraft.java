package io.rapport.knowledge;

import java.util.List;

/**
 * What a person writes for an article. {@code body} is read as {@code format}: {@code html} (sanitized), {@code
 * markdown}, or {@code text} (paragraphs kept); null reads HTML when the body holds an element, else Markdown.
 * {@code translationOf} (new articles only) makes it a variant of that article in another language.
 */
public record ArticleDraft(
        String title,
        String body,
        String format,
        ArticleVisibility visibility,
        String language,
        Long categoryId,
        List<String> tags,
        Long translationOf) {}
