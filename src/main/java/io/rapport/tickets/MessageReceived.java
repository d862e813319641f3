package io.rapport.tickets;

/** The customer wrote on a ticket. */
public record MessageReceived(long ticketId, long messageId, long customerId) implements TicketEvent {}
