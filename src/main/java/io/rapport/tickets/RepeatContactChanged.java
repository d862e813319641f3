package io.rapport.tickets;

/**
 * A repeat-contact link was made or undone (ADR 30): {@code ticketId} changed because of {@code otherTicketId}. The
 * earlier ticket hears it when a new one is linked to it (its outcome became repeat_contact); both hear it when an
 * agent undoes the link.
 */
public record RepeatContactChanged(long ticketId, long otherTicketId, boolean linked) implements TicketEvent {}
