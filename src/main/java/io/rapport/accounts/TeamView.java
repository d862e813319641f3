package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A team of agents that tickets can be routed to. An inactive team keeps its tickets but takes no new ones. */
public record TeamView(
        @NotNull long id,
        @NotNull String name,
        @NotNull int memberCount,
        @NotNull Instant createdAt,
        @NotNull boolean replyAssigns,
        @NotNull boolean active) {}
