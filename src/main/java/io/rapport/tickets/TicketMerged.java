package io.rapport.tickets;

/** Ticket {@code ticketId} was merged into ticket {@code intoId}: its conversation moved there and it closed. */
public record TicketMerged(long ticketId, long intoId) implements TicketEvent {}
