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
        @NotNull List<String> breached) {

    /** The running target due soonest, or null when none runs. */
    public Next next() {
        Next next = null;
        for (Next candidate : List.of(
                new Next("first_response", firstResponseDueAt),
                new Next("next_response", nextResponseDueAt),
                new Next("solution", solutionDueAt))) {
            if (candidate.dueAt() != null && (next == null || candidate.dueAt().isBefore(next.dueAt()))) {
                next = candidate;
            }
        }
        return next;
    }

    /** A target and when it is due. */
    public record Next(String target, Instant dueAt) {}
}
