package io.rapport.routing;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why a ticket went to whom (the contract's {@code GET /api/v1/tickets/{id}/routing}): the assignee routing chose (null
 * while nobody fits or the team takes tickets from its queue), the reasons in words, and the best candidates weighed
 * with their own. Also what the ticket was found to need, how far that was widened and the outcome: {@code assigned},
 * {@code waiting} (tried again as agents come and go, widening step by step) or {@code queued} (the team's agents take it).
 */
public record RoutingView(
        @NotNull long ticketId,
        Long assigneeId,
        @NotNull String outcome,
        @NotNull String widening,
        String language,
        @NotNull Map<String, Integer> skills,
        @NotNull int minTier,
        Long teamId,
        @NotNull List<String> reasons,
        @NotNull List<Candidate> candidates,
        Instant decidedAt) {

    /** One agent weighed: a score for display (higher is better) and why. */
    public record Candidate(
            @NotNull long agentId,
            @NotNull String name,
            @NotNull double score,
            @NotNull List<String> reasons) {}
}
