package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Set;

/** An API token as admins see it: its name, prefix, scopes and expiry, never the secret. */
public record ApiTokenView(
        @NotNull long id,
        @NotNull String name,
        @NotNull String prefix,
        @NotNull long agentId,
        @NotNull String agentName,
        @NotNull Set<TokenScope> scopes,
        @NotNull Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the token has expired by {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** "read, write" */
    public String scopeList() {
        return String.join(", ", scopes.stream().map(TokenScope::code).toList());
    }
}
