package io.rapport.accounts;

import java.util.List;

/** Add an agent to the desk. Lists and numbers may be null for their defaults. */
public record CreateAgent(
        String email,
        String name,
        String password,
        Role role,
        List<Long> teamIds,
        List<AgentLanguage> languages,
        List<AgentSkill> skills,
        Integer tier,
        Integer capacity) {}
