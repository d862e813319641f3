package io.rapport.routing;

import java.util.Map;

/**
 * What a ticket needs: skills at a level (name to minimum level 1-5, lower case), the customer's language (ISO 639-1,
 * null when unknown), the lowest tier that may take it (1 for a new ticket; higher after an escalation) and the team
 * whose members may take it (null: anyone).
 */
public record Need(Map<String, Integer> skills, String language, int minTier, Long teamId) {

    public Need {
        skills = Map.copyOf(skills);
        if (minTier < 1 || minTier > 3) {
            throw new IllegalArgumentException("tier is 1, 2 or 3: " + minTier);
        }
    }
}
