package io.rapport.accounts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** An agent as other modules and the API see it: never the password. */
public record AgentView(
        @NotNull long id,
        @NotNull String email,
        @NotNull String name,
        @NotNull Role role,
        @NotNull List<Long> teamIds,
        @NotNull List<AgentLanguage> languages,
        @NotNull List<AgentSkill> skills,
        @NotNull int tier,
        @NotNull int capacity,
        @NotNull Presence presence,
        @NotNull boolean active,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull int chatCapacity,
        WorkingHours workingHours) {

    /** Whether the agent can take work at this instant: online, and within their working hours if they have any. */
    public boolean availableAt(Instant at) {
        return active && presence == Presence.ONLINE && (workingHours == null || workingHours.isWorking(at));
    }

    @JsonIgnore
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
