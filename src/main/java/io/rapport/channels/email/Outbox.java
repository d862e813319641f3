package io.rapport.channels.email;

import io.rapport.common.Times;
import io.rapport.tickets.MessageDelivery;
import io.rapport.tickets.MessageEnvelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails to customers waiting to go out or gone out, in eml_outbound. A mail is queued once per key; a sender claims a
 * batch of due rows before talking to the server and marks them sent or failed after. A claim left by a sender that
 * stopped is taken over after {@link #STALE_CLAIM} (ADR 15).
 */
@Component
public class Outbox {

    static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    /** A mail to queue. Addresses and ids as lists; the body as text and, optionally, HTML. */
    public record Queued(
            String key,
            long ticketId,
            Long ticketMessageId,
            long mailboxId,
            String messageId,
            String fromName,
            List<String> to,
            List<String> cc,
            String subject,
            String text,
            String html,
            String inReplyTo,
            List<String> references,
            List<Long> attachmentIds,
            boolean automatic) {}

    /** A queued mail as the sender reads it. */
    public record Due(long id, Queued mail, int attempts) {}

    private final JdbcClient db;

    Outbox(JdbcClient db) {
        this.db = db;
    }

    /** Queues the mail unless its key is queued already (a repeated event); true when queued now. */
    public boolean queue(Queued m, Instant now) {
        return db.sql("""
                        INSERT INTO eml_outbound (mail_key, ticket_id, tkt_message_id, mailbox_id, message_id,
                          from_name, to_addresses, cc_addresses, subject, text_body, html_body, in_reply_to,
                          references_ids, attachment_ids, automatic, state, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING
                        """)
                        .params(
                                m.key(),
                                m.ticketId(),
                                m.ticketMessageId(),
                                m.mailboxId(),
                                m.messageId(),
                                cut(m.fromName(), 200),
                                String.join(",", m.to()),
                                m.cc().isEmpty() ? null : cut(String.join(",", m.cc()), 4000),
                                cut(m.subject(), 400),
                                m.text(),
                                m.html(),
                                m.inReplyTo(),
                                m.references().isEmpty() ? null : lastOf(m.references(), 4000),
                                m.attachmentIds().isEmpty()
                                        ? null
                                        : String.join(
                                                ",",
                                                m.attachmentIds().stream()
                                                        .map(String::valueOf)
                                                        .toList()),
                                m.automatic(),
                                Times.sql(now),
                                Times.sql(now))
                        .update()
                == 1;
    }

    /**
     * Claims up to {@code limit} due mails for this sender, oldest first, in one transaction: the rows are marked with a
     * token of this claim, and what carries it is what this sender got (another node's claim of the same rows wins or
     * loses as a whole row).
     */
    @Transactional
    public List<Due> claimDue(Instant now, int limit) {
        // Two look-ups along the (state, next_attempt_at) index rather than one with OR: ordered by id, the database
        // walked every mail ever sent to find the few due ones (two million rows read in a 10,000-mail benchmark).
        List<Long> ids = new ArrayList<>(db.sql("""
                        SELECT id FROM eml_outbound WHERE state = 'sending' AND claimed_at < ? ORDER BY id LIMIT ?
                        """)
                .params(Times.sql(now.minus(STALE_CLAIM)), limit)
                .query(Long.class)
                .list());
        if (ids.size() < limit) {
            ids.addAll(db.sql("""
                            SELECT id FROM eml_outbound WHERE state = 'pending' AND next_attempt_at <= ?
                            ORDER BY next_attempt_at, id LIMIT ?
                            """)
                    .params(Times.sql(now), limit - ids.size())
                    .query(Long.class)
                    .list());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        db.sql("""
                        UPDATE eml_outbound SET state = 'sending', claimed_at = :now, claim_token = :token
                        WHERE id IN (:ids) AND ((state = 'pending' AND next_attempt_at <= :now)
                          OR (state = 'sending' AND claimed_at < :stale))
                        """)
                .param("now", Times.sql(now))
                .param("token", token)
                .param("ids", ids)
                .param("stale", Times.sql(now.minus(STALE_CLAIM)))
                .update();
        return db.sql("SELECT * FROM eml_outbound WHERE claim_token = ? ORDER BY id")
                .param(token)
                .query(Outbox::due)
                .list();
    }

    /** Marks mails sent, in one statement. */
    public void sent(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        db.sql("UPDATE eml_outbound SET state = 'sent', sent_at = :now, last_error = NULL WHERE id IN (:ids)")
                .param("now", Times.sql(now))
                .param("ids", ids)
                .update();
    }

    /** A passing failure: try again after {@code wait}. */
    public void retryLater(long id, String error, Instant next) {
        db.sql("""
                        UPDATE eml_outbound SET state = 'pending', attempts = attempts + 1, next_attempt_at = ?,
                          last_error = ? WHERE id = ?
                        """).params(Times.sql(next), cut(error, 2000), id).update();
    }

    /** Given up: the server refused the mail for good, or a bounce came back for it. */
    public void failed(long id, String error) {
        db.sql("UPDATE eml_outbound SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(cut(error, 2000), id)
                .update();
    }

    /** Marks the mail with this Message-ID as bounced; true when it was one of ours. */
    public boolean bounced(String messageId, String reason) {
        return db.sql("UPDATE eml_outbound SET state = 'failed', last_error = ? WHERE message_id = ?")
                        .params(cut(reason, 2000), messageId)
                        .update()
                > 0;
    }

    /** How the ticket's messages went out, by ticket message id (the latest mail of each message). */
    public Map<Long, MessageDelivery> deliveries(long ticketId) {
        Map<Long, MessageDelivery> result = new HashMap<>();
        db.sql("""
                        SELECT tkt_message_id, state, sent_at, created_at, last_error FROM eml_outbound
                        WHERE ticket_id = ? AND tkt_message_id IS NOT NULL ORDER BY id
                        """)
                .param(ticketId)
                .query((rs, n) -> result.put(
                        rs.getLong("tkt_message_id"),
                        new MessageDelivery(
                                rs.getString("state").equals("sending") ? "pending" : rs.getString("state"),
                                rs.getString("state").equals("sent")
                                        ? Times.instant(rs, "sent_at")
                                        : Times.instant(rs, "created_at"),
                                rs.getString("last_error"))))
                .list();
        return result;
    }

    /** Who the ticket's sent mails went to, by ticket message id. */
    public Map<Long, MessageEnvelope> envelopes(long ticketId, String from) {
        Map<Long, MessageEnvelope> result = new HashMap<>();
        db.sql("""
                        SELECT tkt_message_id, to_addresses, cc_addresses FROM eml_outbound
                        WHERE ticket_id = ? AND tkt_message_id IS NOT NULL ORDER BY id
                        """)
                .param(ticketId)
                .query((rs, n) -> result.put(
                        rs.getLong("tkt_message_id"),
                        new MessageEnvelope(
                                from, split(rs.getString("to_addresses")), split(rs.getString("cc_addresses")), null)))
                .list();
        return result;
    }

    private static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(
                rs.getLong("id"),
                new Queued(
                        rs.getString("mail_key"),
                        rs.getLong("ticket_id"),
                        (Long) rs.getObject("tkt_message_id", Long.class),
                        rs.getLong("mailbox_id"),
                        rs.getString("message_id"),
                        rs.getString("from_name"),
                        split(rs.getString("to_addresses")),
                        split(rs.getString("cc_addresses")),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("in_reply_to"),
                        rs.getString("references_ids") == null
                                ? List.of()
                                : Arrays.asList(rs.getString("references_ids").split(" ")),
                        split(rs.getString("attachment_ids")).stream()
                                .map(Long::valueOf)
                                .toList(),
                        rs.getBoolean("automatic")),
                rs.getInt("attempts"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** The newest references that fit, space-separated (no Message-ID holds a space): a long thread keeps its latest. */
    private static String lastOf(List<String> ids, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String next = ids.get(i) + (out.isEmpty() ? "" : " " + out);
            if (next.length() > max) {
                break;
            }
            out.setLength(0);
            out.append(next);
        }
        return out.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
