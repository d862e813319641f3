package io.rapport.routing;

import java.util.List;

/**
 * Who gets the ticket and why: the chosen agent (null: nobody fits, the ticket waits in the team's queue), the reasons
 * in words, how far the requirements had to be widened to find someone, and the best candidates with their own
 * reasons (for the routing explanation on the ticket).
 */
public record Decision(Long agentId, List<Reason> reasons, Widening widening, List<Ranked> candidates) {

    /** One candidate as ranked: a score for display (higher is better) and the reasons behind it. */
    public record Ranked(long agentId, String name, double score, List<Reason> reasons) {}
}
