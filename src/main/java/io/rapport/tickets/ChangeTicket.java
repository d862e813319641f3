package io.rapport.tickets;

import java.util.Optional;
import java.util.Set;

/**
 * Change a ticket's workflow fields. A null field is left alone; an empty Optional for assignee or team clears it.
 * {@code expectedVersion}, when given, makes the change fail with a conflict if someone else changed the ticket first.
 */
public record ChangeTicket(
        TicketStatus status,
        Optional<Long> assigneeId,
        Optional<Long> teamId,
        Priority priority,
        Set<String> tags,
        Integer expectedVersion) {

    /** No change at all. */
    public static ChangeTicket none() {
        return new ChangeTicket(null, null, null, null, null, null);
    }

    public static ChangeTicket status(TicketStatus status) {
        return new ChangeTicket(status, null, null, null, null, null);
    }
}
