package io.rapport.tickets;

/** The customer confirmed the problem is solved. */
public record OutcomeConfirmed(long ticketId, Long assigneeId) implements TicketEvent {}
