package io.rapport.routing.internal;

import io.rapport.routing.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A routing decision as stored: the reasons as keys and arguments (see {@link Reason}), written in each reader's
 * language when shown ({@code Routings.explain}).
 */
public record Decided(
        long ticketId,
        Long assigneeId,
        String outcome,
        String widening,
        String language,
        Map<String, Integer> skills,
        int minTier,
        Long teamId,
        List<Reason> reasons,
        List<Candidate> candidates,
        Instant decidedAt) {

    /** One agent weighed: a score for display (higher is better) and why. */
    public record Candidate(long agentId, String name, double score, List<Reason> reasons) {}
}
