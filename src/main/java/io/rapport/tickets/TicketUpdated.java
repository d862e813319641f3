package io.rapport.tickets;

/** Priority, tags or team changed. */
public record TicketUpdated(long ticketId) implements TicketEvent {}
