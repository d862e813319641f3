package io.rapport.tickets;

/**
 * An agent marked the ticket solved; the customer is asked to confirm. {@code withReply} when a public reply in the same
 * step carries that question (see {@link AgentReplied#solves()}).
 */
public record TicketSolved(long ticketId, Long assigneeId, boolean withReply) implements TicketEvent {}
