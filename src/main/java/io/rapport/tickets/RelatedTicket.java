package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;

/** A ticket linked to another as related: enough to name it in a list and go there. */
public record RelatedTicket(
        @NotNull long id,
        @NotNull long number,
        @NotNull String subject,
        @NotNull TicketStatus status,
        @NotNull String customerName) {}
