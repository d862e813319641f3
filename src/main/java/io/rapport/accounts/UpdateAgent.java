package io.rapport.accounts;

import java.util.List;

/** Change an agent: every null field is left as it is. */
public record UpdateAgent(
        String name,
        String password,
        Role role,
        List<Long> teamIds,
        List<AgentLanguage> languages,
        List<AgentSkill> skills,
        Integer tier,
        Integer capacity,
        Boolean active) {}
