package io.rapport.tickets;

/** The customer said the problem is not solved; the ticket reopened. */
public record SolutionRejected(long ticketId, Long assigneeId) implements TicketEvent {}
