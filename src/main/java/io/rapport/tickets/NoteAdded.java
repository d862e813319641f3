package io.rapport.tickets;

/** An agent added an internal note. */
public record NoteAdded(long ticketId, long messageId, Long agentId) implements TicketEvent {}
