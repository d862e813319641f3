package io.rapport.tickets;

/**
 * An agent sent the customer a public reply; {@code solves} when the same step marked the ticket solved, so the reply
 * itself asks the customer whether it is.
 */
public record AgentReplied(long ticketId, long messageId, long agentId, boolean solves) implements TicketEvent {}
