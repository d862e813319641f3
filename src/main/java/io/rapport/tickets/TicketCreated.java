package io.rapport.tickets;

/** A customer's problem became a ticket. */
public record TicketCreated(long ticketId, long number, long customerId, Channel channel) implements TicketEvent {}
