package io.rapport.tickets;

/** An agent marked the ticket solved; the customer is asked to confirm. */
public record TicketSolved(long ticketId, Long assigneeId) implements TicketEvent {}
