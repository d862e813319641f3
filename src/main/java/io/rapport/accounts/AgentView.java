package io.rapport.accounts;

import java.time.Instant;
import java.util.List;

/** An agent as other modules and the API see it: never the password. */
public record AgentView(
        long id,
        String email,
        String name,
        Role role,
        List<Long> teamIds,
        List<AgentLanguage> languages,
        List<AgentSkill> skills,
        int tier,
        int capacity,
        Presence presence,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
