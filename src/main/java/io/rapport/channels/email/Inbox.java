package io.rapport.channels.email;

import io.rapport.common.Hashing;
import io.rapport.common.Times;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails as fetched, in eml_inbound, before the server is told they were taken. The key (mailbox, Message-ID, or the
 * hash of the raw source for a mail without one) makes a second fetch of the same mail a no-op. Each statement
 * commits on its own: nothing is held open while a mail server is talked to.
 */
@Component
public class Inbox {

    /** A stored mail waiting to be applied. */
    public record Stored(long id, long mailboxId, byte[] raw, Instant receivedAt) {}

    /** A mail kept aside for admins: unreadable, noise without a thread, or a loop. */
    public record Kept(
            long id,
            long mailboxId,
            String state,
            String reason,
            String error,
            String from,
            String subject,
            long size,
            Instant receivedAt) {}

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Inbox(JdbcClient db, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.db = db;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The key a mail is known by in its mailbox. */
    public static String key(String messageId, byte[] raw) {
        if (messageId != null && !messageId.isBlank() && messageId.length() <= 490) {
            return messageId;
        }
        return "sha256:" + Hashing.sha256Hex(raw);
    }

    /** A mail as fetched; {@code tooLarge} when only its headers were kept ({@code size} is the whole mail's). */
    public record Fetched(String key, byte[] raw, long size, boolean tooLarge, String from, String subject) {}

    /** Stores the mail; false when this mailbox has it already (fetched before a crash, or by another node). */
    public boolean store(long mailboxId, String key, byte[] raw, String from, String subject, Instant now) {
        return storeAll(mailboxId, List.of(new Fetched(key, raw, raw.length, false, from, subject)), now) == 1;
    }

    /**
     * Stores fetched mails in one transaction, each unless this mailbox has it already (fetched before a crash, or by
     * another node); a mail too large to fetch is stored by its headers, set aside. Returns how many were new.
     */
    public int storeAll(long mailboxId, List<Fetched> mails, Instant now) {
        if (mails.isEmpty()) {
            return 0;
        }
        int[] counts = transactions.execute(tx -> jdbc.batchUpdate(
                """
                INSERT INTO eml_inbound (mailbox_id, message_key, raw, size_bytes, received_at, state, reason,
                  from_address, subject, processed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
                mails.stream()
                        .map(m -> new Object[] {
                            mailboxId,
                            m.key(),
                            m.raw(),
                            m.size(),
                            Times.sql(now),
                            m.tooLarge() ? "set_aside" : "received",
                            m.tooLarge() ? "too_large" : null,
                            truncate(m.from(), 320),
                            truncate(m.subject(), 300),
                            m.tooLarge() ? Times.sql(now) : null
                        })
                        .toList()));
        int stored = 0;
        for (int count : counts) {
            stored += count > 0 ? 1 : 0;
        }
        return stored;
    }

    /** A stored mail waiting to be applied, and its sender (mails of one sender are applied in order). */
    public record Waiting(long id, String from) {}

    public List<Waiting> waiting(int limit) {
        return db.sql("SELECT id, from_address FROM eml_inbound WHERE state = 'received' ORDER BY id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("from_address")))
                .list();
    }

    /** The stored mail, locked for this transaction, while it still waits. */
    public Optional<Stored> lockWaiting(long id) {
        return db.sql("SELECT id, mailbox_id, raw, received_at FROM eml_inbound WHERE id = ? AND state = 'received'"
                        + " FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        rs.getLong("mailbox_id"),
                        rs.getBytes("raw"),
                        Times.instant(rs, "received_at")))
                .optional();
    }

    /** A stored mail's raw source and whether it became part of a ticket (else only admins may read it). */
    public record Original(byte[] raw, boolean onATicket) {}

    public Optional<Original> original(long id) {
        return db.sql("SELECT raw, ticket_id FROM eml_inbound WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Original(rs.getBytes("raw"), rs.getObject("ticket_id") != null))
                .optional();
    }

    /** The text of a raw mail as a person reads its source: UTF-8 where it is, else Windows-1252. */
    public static String sourceText(byte[] raw) {
        return Charsets.decode(raw, null);
    }

    /** The mail became this ticket message; who it was from and to is kept for the ticket page. */
    public void processed(long id, long ticketId, Long ticketMessageId, ParsedMail mail, Instant now) {
        db.sql("""
                        UPDATE eml_inbound SET state = 'processed', ticket_id = ?, tkt_message_id = ?, processed_at = ?,
                          from_name = ?, to_addresses = ?, cc_addresses = ?
                        WHERE id = ?
                        """)
                .params(
                        ticketId,
                        ticketMessageId,
                        Times.sql(now),
                        truncate(mail.from().name(), 200),
                        joined(mail.to()),
                        joined(mail.cc()),
                        id)
                .update();
    }

    /** How the ticket's messages came by mail: from, to, cc, and the stored mail (for its original), by message id. */
    public Map<Long, Envelope> envelopes(long ticketId) {
        Map<Long, Envelope> result = new HashMap<>();
        db.sql("""
                        SELECT id, tkt_message_id, from_name, from_address, to_addresses, cc_addresses FROM eml_inbound
                        WHERE ticket_id = ? AND tkt_message_id IS NOT NULL
                        """)
                .param(ticketId)
                .query((rs, n) -> result.put(
                        rs.getLong("tkt_message_id"),
                        new Envelope(
                                rs.getLong("id"),
                                rs.getString("from_name"),
                                rs.getString("from_address"),
                                split(rs.getString("to_addresses")),
                                split(rs.getString("cc_addresses")))))
                .list();
        return result;
    }

    /** Who a stored mail was from and to. */
    public record Envelope(long inboundId, String fromName, String from, List<String> to, List<String> cc) {}

    private static String joined(List<MailAddress> addresses) {
        return addresses.isEmpty()
                ? null
                : truncate(
                        String.join("\n", addresses.stream().map(Inbox::display).toList()), 4000);
    }

    private static String display(MailAddress a) {
        return a.name() == null ? a.address() : a.name() + " <" + a.address() + ">";
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : List.of(joined.split("\n"));
    }

    public void setAside(long id, String reason, String error, Instant now) {
        end(id, "set_aside", reason, error, now);
    }

    public void failed(long id, String error, Instant now) {
        end(id, "failed", "unreadable", error, now);
    }

    private void end(long id, String state, String reason, String error, Instant now) {
        db.sql("UPDATE eml_inbound SET state = ?, reason = ?, error = ?, processed_at = ? WHERE id = ?")
                .params(state, reason, truncate(error, 2000), Times.sql(now), id)
                .update();
    }

    /** How many mails this sender sent to the desk since then: the loop guard. */
    /** How many mails each of these senders sent since then: the loop limit, read once for a round of mails. */
    public Map<String, Integer> countsFrom(java.util.Collection<String> addresses, Instant since) {
        Map<String, Integer> counts = new HashMap<>();
        if (addresses.isEmpty()) {
            return counts;
        }
        db.sql("""
                        SELECT from_address, COUNT(*) FROM eml_inbound
                        WHERE from_address IN (:addresses) AND received_at >= :since GROUP BY from_address
                        """)
                .param("addresses", List.copyOf(addresses))
                .param("since", Times.sql(since))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public int countFrom(String address, Instant since) {
        return db.sql("SELECT COUNT(*) FROM eml_inbound WHERE from_address = ? AND received_at >= ?")
                .params(address, Times.sql(since))
                .query(Integer.class)
                .single();
    }

    /** Mails set aside or unreadable, newest first: the admin's list. */
    public List<Kept> kept(int limit) {
        return db.sql("""
                        SELECT id, mailbox_id, state, reason, error, from_address, subject, size_bytes, received_at
                        FROM eml_inbound WHERE state IN ('set_aside', 'failed') ORDER BY id DESC LIMIT ?
                        """)
                .param(limit)
                .query((rs, n) -> new Kept(
                        rs.getLong("id"),
                        rs.getLong("mailbox_id"),
                        rs.getString("state"),
                        rs.getString("reason"),
                        rs.getString("error"),
                        rs.getString("from_address"),
                        rs.getString("subject"),
                        rs.getLong("size_bytes"),
                        Times.instant(rs, "received_at")))
                .list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
