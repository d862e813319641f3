package io.rapport.tickets;

/** The ticket got a new assignee (or none). */
public record TicketAssigned(long ticketId, Long fromAgentId, Long toAgentId) implements TicketEvent {}
