package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** An API token as admins see it: its name and prefix, never the secret. */
public record ApiTokenView(
        @NotNull long id,
        @NotNull String name,
        @NotNull String prefix,
        @NotNull long agentId,
        @NotNull String agentName,
        @NotNull Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
