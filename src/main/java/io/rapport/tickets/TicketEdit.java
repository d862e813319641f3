package io.rapport.tickets;

import java.util.List;

/**
 * What an agent's edit did: the ticket as it is now, and the fields not saved because a colleague changed them to
 * something else meanwhile ({@code field}: status, assignee, team or priority; values as codes or ids, null for none),
 * and whether anything was written.
 */
public record TicketEdit(TicketView ticket, List<FieldConflict> conflicts, boolean changed) {

    public TicketEdit {
        conflicts = List.copyOf(conflicts);
    }

    /** A field both changed: what this agent chose, and what it is now. */
    public record FieldConflict(String field, String mine, String theirs) {}
}
