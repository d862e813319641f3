package io.rapport.tickets;

/** A ticket just opened, with the id of its first message: the customer's description of the problem. */
public record OpenedTicket(TicketView ticket, long firstMessageId) {}
