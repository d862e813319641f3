package io.rapport.tickets;

/** The ticket got a new assignee (or none); {@code byAgentId} is the agent who did it (null: the desk itself). */
public record TicketAssigned(long ticketId, Long fromAgentId, Long toAgentId, Long byAgentId) implements TicketEvent {}
