package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** One way to reach a customer: kind is email now; phone, chat visitor and social handles come with their channels. */
public record CustomerIdentity(
        @NotNull String kind,
        @NotNull String value,
        @NotNull boolean primary,
        @NotNull Instant createdAt) {}
