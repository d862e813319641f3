package io.rapport.accounts;

/** How many tickets a customer has, and how many of them are still being worked on. */
public record TicketCounts(long total, long open, long solved) {

    public static final TicketCounts NONE = new TicketCounts(0, 0, 0);
}
