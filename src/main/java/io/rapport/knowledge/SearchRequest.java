package io.rapport.knowledge;

import java.time.Instant;
import java.util.Set;

/**
 * A search: the words (plain words must all match; "quoted phrases", a trailing {@code *} for a prefix, {@code |}
 * for either, {@code -} to exclude), what to find, and filters: status, channel, assignee and dates on tickets,
 * language and tags on tickets and articles. The last word, when the text does not end
 * in a space, also matches as a prefix, so a box that searches as you type finds "Schmi" before "Schmidt" is typed.
 */
public record SearchRequest(
        String q,
        Type type,
        Set<String> statuses,
        String channel,
        Long assigneeId,
        Instant from,
        Instant to,
        String language,
        Set<String> tags,
        int page,
        int size) {

    public enum Type {
        TICKET,
        CUSTOMER,
        ARTICLE
    }

    public SearchRequest {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Words only, every kind of result, the first page. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, Set.of(), null, null, null, null, null, Set.of(), 0, 20);
    }
}
