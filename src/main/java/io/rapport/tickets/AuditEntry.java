package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One change to a ticket: who, what, when, and the value before and after. */
public record AuditEntry(
        @NotNull long id,
        @NotNull Author actor,
        @NotNull String action,
        String field,
        String before,
        String after,
        @NotNull Instant createdAt) {}
