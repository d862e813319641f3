package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;

/** How many tickets a customer has, and how many of them are still being worked on. */
public record TicketCounts(
        @NotNull long total, @NotNull long open, @NotNull long solved) {

    public static final TicketCounts NONE = new TicketCounts(0, 0, 0);
}
