package io.rapport.tickets;

/** The ticket moved from one status to another. */
public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to) implements TicketEvent {}
