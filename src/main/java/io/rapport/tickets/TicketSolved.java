package io.rapport.tickets;

import java.time.Instant;

/**
 * An agent marked the ticket solved; the customer is asked to confirm. {@code withReply} when a public reply in the same
 * step carries that question (see {@link AgentReplied#solves()}). {@code solvedAt} tells one solving from a later one.
 */
public record TicketSolved(long ticketId, Long assigneeId, boolean withReply, Instant solvedAt)
        implements TicketEvent {}
