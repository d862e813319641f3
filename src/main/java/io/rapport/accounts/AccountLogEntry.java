package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One entry of the admin's audit log: who did what to which agent, team, API token, customer or organization, with
 * the values before and after where a field changed.
 */
public record AccountLogEntry(
        @NotNull long id,
        @NotNull Instant createdAt,
        @NotNull String actorName,
        @NotNull String action,
        @NotNull String subjectType,
        @NotNull long subjectId,
        @NotNull String subjectName,
        String field,
        String before,
        String after) {}
