package io.rapport.tickets;

/** How many tickets each agent view holds. */
public record ViewCounts(long mine, long unassigned, long team, long open, long pending, long solved) {}
