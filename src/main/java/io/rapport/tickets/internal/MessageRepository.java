package io.rapport.tickets.internal;

import io.rapport.common.Codes;
import io.rapport.common.Times;
import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.Author;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** A ticket's conversation in tkt_message, with attachment rows in tkt_attachment. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class MessageRepository {

    private final JdbcClient db;

    MessageRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(
            long ticketId,
            Author author,
            Visibility visibility,
            Channel channel,
            String body,
            String bodyHtml,
            Instant createdAt) {
        return insert(ticketId, author, visibility, channel, body, bodyHtml, createdAt, null);
    }

    public long insert(
            long ticketId,
            Author author,
            Visibility visibility,
            Channel channel,
            String body,
            String bodyHtml,
            Instant createdAt,
            io.rapport.tickets.ReplyOrigin origin) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_message (ticket_id, author_type, author_id, author_name, visibility, channel,
                            body, body_html, created_at, saved_reply_id, saved_reply_changed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        ticketId,
                        author.type().code(),
                        author.id(),
                        author.name(),
                        visibility.code(),
                        channel.code(),
                        body,
                        bodyHtml,
                        Times.sql(createdAt),
                        origin == null ? null : origin.savedReplyId(),
                        origin == null ? null : origin.changedPercent())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long insertAttachment(
            long ticketId,
            long messageId,
            String filename,
            String contentType,
            long size,
            String storageKey,
            String sha256,
            String contentId,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_attachment (ticket_id, message_id, filename, content_type, size_bytes,
                            storage_key, sha256, content_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(ticketId, messageId, filename, contentType, size, storageKey, sha256, contentId, Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Moves a ticket's messages and their attachments to another ticket; how many messages moved. */
    public int moveAll(long fromTicket, long intoTicket) {
        int moved = db.sql("UPDATE tkt_message SET ticket_id = ? WHERE ticket_id = ?")
                .params(intoTicket, fromTicket)
                .update();
        db.sql("UPDATE tkt_attachment SET ticket_id = ? WHERE ticket_id = ?")
                .params(intoTicket, fromTicket)
                .update();
        return moved;
    }

    /** The conversation, oldest first; internal notes only when asked for. */
    /** The plain-text body of a message ("" when there is no such message). */
    /** The plain text of every message of these tickets, in the order they were written. */
    public Map<Long, List<TicketDocument.Text>> textsOf(java.util.Collection<Long> ticketIds) {
        Map<Long, List<TicketDocument.Text>> texts = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return texts;
        }
        db.sql("""
                        SELECT ticket_id, id, visibility, author_type, body FROM tkt_message
                        WHERE ticket_id IN (:ids) ORDER BY ticket_id, id
                        """).param("ids", ticketIds).query(rs -> {
            texts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new TicketDocument.Text(
                            rs.getLong(2),
                            Codes.stored(Visibility.class, rs.getString(3)),
                            Codes.stored(AuthorType.class, rs.getString(4)),
                            rs.getString(5)));
        });
        return texts;
    }

    public String body(long messageId) {
        return db.sql("SELECT body FROM tkt_message WHERE id = ?")
                .param(messageId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    public List<MessageView> forTicket(long ticketId, boolean includeInternal) {
        return select(ticketId, includeInternal ? "" : " AND visibility = 'public'", null);
    }

    /** One message of a ticket, with its attachments. */
    public Optional<MessageView> find(long ticketId, long messageId) {
        return select(ticketId, " AND id = ?", messageId).stream().findFirst();
    }

    private List<MessageView> select(long ticketId, String filter, Long messageId) {
        Map<Long, List<AttachmentView>> attachments = new HashMap<>();
        db.sql("""
                        SELECT a.message_id, a.id, a.filename, a.content_type, a.size_bytes, a.content_id
                        FROM tkt_attachment a WHERE a.ticket_id = ?
                        """ + (messageId == null ? "" : " AND a.message_id = ?") + " ORDER BY a.id")
                .params(messageId == null ? List.of(ticketId) : List.of(ticketId, messageId))
                .query(rs -> {
                    attachments
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new AttachmentView(
                                    rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                });
        return db.sql("SELECT * FROM tkt_message WHERE ticket_id = ?" + filter + " ORDER BY created_at, id")
                .params(messageId == null ? List.of(ticketId) : List.of(ticketId, messageId))
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new MessageView(
                            id,
                            ticketId,
                            new Author(
                                    Codes.stored(AuthorType.class, rs.getString("author_type")),
                                    TicketRepository.nullableLong(rs, "author_id"),
                                    rs.getString("author_name")),
                            Codes.stored(Visibility.class, rs.getString("visibility")),
                            rs.getString("body"),
                            rs.getString("body_html"),
                            Codes.stored(Channel.class, rs.getString("channel")),
                            Times.instant(rs, "created_at"),
                            List.copyOf(attachments.getOrDefault(id, List.of())),
                            null,
                            null,
                            TicketRepository.nullableLong(rs, "saved_reply_id") == null
                                    ? null
                                    : new io.rapport.tickets.ReplyOrigin(
                                            rs.getLong("saved_reply_id"), rs.getInt("saved_reply_changed")));
                })
                .list();
    }

    /** An attachment row with the ticket it belongs to and whether its message is public. */
    public record StoredAttachment(AttachmentView view, long ticketId, boolean publicMessage, String storageKey) {}

    public Optional<StoredAttachment> attachment(long id) {
        return db.sql("""
                        SELECT a.id, a.filename, a.content_type, a.size_bytes, a.ticket_id, a.storage_key, m.visibility,
                            a.content_id
                        FROM tkt_attachment a JOIN tkt_message m ON m.id = a.message_id WHERE a.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new StoredAttachment(
                        new AttachmentView(
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(8)),
                        rs.getLong(5),
                        "public".equals(rs.getString(7)),
                        rs.getString(6)))
                .optional();
    }
}
