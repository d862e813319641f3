package io.rapport.routing;

import io.rapport.accounts.LanguageLevel;
import java.util.Map;
import java.util.Set;

/**
 * An agent as routing weighs them: whether they are there to take work ({@code available}: online and in their
 * working hours), their tier, how many items they hold against their capacity, their skills (name to level 1-5, lower
 * case) and languages (ISO 639-1 code to level), their teams, and when they were last given a ticket (a sequence
 * number or epoch milliseconds: lower is longer ago).
 */
public record Candidate(
        long agentId,
        String name,
        boolean available,
        int tier,
        int openItems,
        int capacity,
        Map<String, Integer> skills,
        Map<String, LanguageLevel> languages,
        Set<Long> teamIds,
        long lastAssigned) {

    public Candidate {
        skills = Map.copyOf(skills);
        languages = Map.copyOf(languages);
        teamIds = Set.copyOf(teamIds);
    }
}
