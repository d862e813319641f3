package io.rapport.accounts;

import java.time.Instant;

/** An API token as admins see it: its name and prefix, never the secret. */
public record ApiTokenView(
        long id,
        String name,
        String prefix,
        long agentId,
        String agentName,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
