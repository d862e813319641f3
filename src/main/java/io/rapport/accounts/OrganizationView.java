package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** A company or group customers belong to; customers whose email domain is listed join it. */
public record OrganizationView(
        @NotNull long id,
        @NotNull String name,
        @NotNull List<String> domains,
        String notes,
        @NotNull long customerCount,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) {}
