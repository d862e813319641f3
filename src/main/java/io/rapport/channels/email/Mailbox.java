package io.rapport.channels.email;

import java.time.Instant;

/**
 * A mailbox the desk reads and sends from, as admins see it: never its passwords. {@code lastError} is the last
 * failure to fetch, cleared by the next fetch that works; {@code failures} counts the failed fetches in a row (a
 * failing mailbox is tried less often: its poll interval doubles with each, up to 15 minutes); {@code waitingCount}
 * is how many fetched mails wait to be applied; {@code updatedAt} is the last change of its settings. An inactive
 * mailbox is not fetched; replies on its conversations still go out from it.
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
        int failures,
        long waitingCount,
        Instant createdAt,
        Instant updatedAt) {

    /** When the next fetch is due: the poll interval after the last one, doubled for each failure in a row. */
    public java.time.Instant nextPollAt() {
        if (lastPollAt == null) {
            return java.time.Instant.EPOCH;
        }
        long wait = pollSeconds;
        for (int i = 0; i < failures && wait < 900; i++) {
            wait *= 2;
        }
        return lastPollAt.plusSeconds(Math.min(wait, Math.max(900, pollSeconds)));
    }

    /**
     * A server: host, port, security, the user name (null where the server needs none), and whether its certificate
     * is checked (with TLS or STARTTLS).
     */
    public record Server(String host, int port, Security security, String username, boolean verifyCertificate) {}
}
