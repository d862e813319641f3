package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One entry of the audit log of customers and organizations: who did what, and the values before and after. */
public record AccountChange(
        @NotNull String actorName,
        @NotNull String action,
        String field,
        String before,
        String after,
        @NotNull Instant createdAt) {}
