package io.rapport.tickets;

import java.util.Optional;

/**
 * A field another module adds to a ticket's JSON when one ticket is read or created over the API (SLA adds
 * {@code sla}), so the ticket answer carries it without tickets knowing that module. Each provider is a bean.
 */
public interface TicketFacet {

    /** The field's name in the ticket's JSON. */
    String name();

    /** The value for this ticket, or nothing (the field is then left out). */
    Optional<Object> of(long ticketId);
}
