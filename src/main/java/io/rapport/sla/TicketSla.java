package io.rapport.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's targets as the contract shows them ({@code sla} on the ticket): the policy's name, when the first response
 * and the solution are due (null once met, or while the clock is stopped because the ticket waits on the customer),
 * and the targets already missed ({@code first_response}, {@code next_response}, {@code solution}). Also the next
 * response due (after a customer's message), whether the clock is paused, and when the first response came.
 */
public record TicketSla(
        @NotNull String policy,
        @NotNull long policyId,
        Instant firstResponseDueAt,
        Instant nextResponseDueAt,
        Instant solutionDueAt,
        @NotNull boolean paused,
        Instant firstRespondedAt,
        @NotNull List<String> breached) {}
