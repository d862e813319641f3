package io.rapport.tickets;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * How a message reached the customer through its channel (a mail from the ticket's mailbox): {@code pending} (waiting
 * or being retried; {@code detail} says why), {@code sent}, or {@code failed} (refused or bounced; {@code detail}
 * says why), and since when.
 */
public record MessageDelivery(
        @NotNull @Schema(allowableValues = {"pending", "sent", "failed"})
        String state,

        @NotNull Instant at,
        String detail) {}
