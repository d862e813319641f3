package io.rapport.channels.email;

import java.time.Instant;

/**
 * A mailbox the desk reads and sends from, as admins see it: never its passwords. {@code lastError} is the last
 * failure to fetch, cleared by the next fetch that works.
 */
public record Mailbox(
        long id,
        String name,
        String address,
        Server imap,
        String folder,
        Server smtp,
        int pollSeconds,
        boolean active,
        Instant lastPollAt,
        String lastError,
        Instant lastErrorAt,
        boolean idle,
        long fetchedCount,
        Instant createdAt) {

    /** A server: host, port, security, and the user name (null where the server needs none). */
    public record Server(String host, int port, Security security, String username) {}
}
