package io.rapport.tickets;

/** An agent sent the customer a public reply. */
public record AgentReplied(long ticketId, long messageId, long agentId) implements TicketEvent {}
