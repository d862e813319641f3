package io.rapport.tickets;

/**
 * A ticket was handed on: to a tier (it waits for someone of that tier), a named agent or a team (exactly one is set).
 * Routing reacts by finding the right person of that tier or team.
 */
public record TicketEscalated(long ticketId, Integer toTier, Long toAgentId, Long toTeamId) implements TicketEvent {}
