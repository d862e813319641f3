package io.rapport.tickets.internal;

import io.rapport.tickets.Channel;
import io.rapport.tickets.Outcome;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketStatus;
import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything a ticket row holds, as one value: what the repository reads and writes and what views are made from. The
 * {@link Ticket} aggregate changes it only through its named methods.
 */
public record TicketState(
        Long id,
        long number,
        String subject,
        TicketStatus status,
        Outcome outcome,
        Priority priority,
        Channel channel,
        long customerId,
        Long assigneeId,
        Long teamId,
        String language,
        Long repeatOf,
        Long mergedInto,
        SortedSet<String> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant solvedAt,
        Instant closedAt,
        int version) {

    public TicketState {
        tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** A ticket just opened: status new, outcome unknown; id and number come when it is stored. */
    public static TicketState opened(
            String subject,
            Priority priority,
            Channel channel,
            long customerId,
            String language,
            Set<String> tags,
            Instant now) {
        return new TicketState(
                null,
                0,
                subject,
                TicketStatus.NEW,
                Outcome.UNKNOWN,
                priority,
                channel,
                customerId,
                null,
                null,
                language,
                null,
                null,
                new TreeSet<>(tags),
                now,
                now,
                null,
                null,
                0);
    }

    /** The same ticket with these tags (the repository reads them in a second query). */
    public TicketState withTags(Set<String> newTags) {
        return copy(id, number, new TreeSet<>(newTags), repeatOf);
    }

    /** The same ticket linked to the earlier one whose problem it brings back. */
    public TicketState withRepeatOf(Long earlier) {
        return copy(id, number, tags, earlier);
    }

    /** The same ticket with the id and number the database gave it. */
    public TicketState stored(long newId, long newNumber) {
        return copy(newId, newNumber, tags, repeatOf);
    }

    private TicketState copy(Long newId, long newNumber, SortedSet<String> newTags, Long newRepeatOf) {
        return new TicketState(
                newId,
                newNumber,
                subject,
                status,
                outcome,
                priority,
                channel,
                customerId,
                assigneeId,
                teamId,
                language,
                newRepeatOf,
                mergedInto,
                newTags,
                createdAt,
                updatedAt,
                solvedAt,
                closedAt,
                version);
    }
}
