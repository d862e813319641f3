package io.rapport.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a search index keeps of a ticket: its fields and the text of every message, read many at a time (ADR 26).
 * Internal notes are marked, so an index can keep them apart from what customers may find.
 */
public record TicketDocument(
        long id,
        long number,
        String subject,
        TicketStatus status,
        Channel channel,
        Priority priority,
        long customerId,
        Long assigneeId,
        Long teamId,
        String language,
        Set<String> tags,
        Long mergedInto,
        Instant createdAt,
        Instant updatedAt,
        List<Text> messages) {

    /** One message's plain text. */
    public record Text(long messageId, Visibility visibility, AuthorType author, String body) {}
}
