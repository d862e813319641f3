package io.rapport.channels.email;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The thread index (eml_message) and who is on a mail ticket's thread (eml_thread, eml_participant). */
@Component
public class Threads {

    private final JdbcClient db;

    Threads(JdbcClient db) {
        this.db = db;
    }

    /** The ticket the nearest of these Message-IDs belongs to (they come nearest first), in one query. */
    public Optional<Long> ticketOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = messageIds.size() > 50 ? messageIds.subList(0, 50) : messageIds;
        java.util.Map<String, Long> found = new java.util.HashMap<>();
        db.sql("SELECT message_id, ticket_id FROM eml_message WHERE message_id IN (:ids) ORDER BY created_at")
                .param("ids", ids)
                .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2)))
                .list();
        return ids.stream().filter(found::containsKey).map(found::get).findFirst();
    }

    /** The Message-IDs of the ticket's mails in and out, oldest first: a reply's References. */
    public List<String> messageIds(long ticketId) {
        return db.sql("SELECT message_id FROM eml_message WHERE ticket_id = ? ORDER BY created_at, message_id")
                .param(ticketId)
                .query(String.class)
                .list();
    }

    /** The Message-ID of the customer's latest mail on the ticket: what a reply answers. */
    public Optional<String> latestIncoming(long ticketId) {
        return db.sql("""
                        SELECT message_id FROM eml_message WHERE ticket_id = ? AND direction = 'in'
                        ORDER BY created_at DESC LIMIT 1
                        """).param(ticketId).query(String.class).optional();
    }

    /** The longest Message-ID kept (eml_message.message_id); a mail with a longer one opens or joins by subject. */
    static final int MAX_ID = 500;

    public void record(
            String messageId, long ticketId, Long ticketMessageId, long mailboxId, String direction, Instant at) {
        if (messageId == null || messageId.length() > MAX_ID) {
            return; // a Message-ID too long to keep cannot thread anything: the mail is still on its ticket
        }
        db.sql("""
                        INSERT INTO eml_message (message_id, ticket_id, tkt_message_id, mailbox_id, direction, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(messageId, ticketId, ticketMessageId, mailboxId, direction, Times.sql(at))
                .update();
    }

    /** Marks the ticket as answered by mail from this mailbox (the first mailbox stays). */
    public void open(long ticketId, long mailboxId) {
        db.sql("INSERT INTO eml_thread (ticket_id, mailbox_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(ticketId, mailboxId)
                .update();
    }

    /** The mailbox a mail ticket is answered from. */
    public Optional<Long> mailboxOf(long ticketId) {
        return db.sql("SELECT mailbox_id FROM eml_thread WHERE ticket_id = ?")
                .param(ticketId)
                .query(Long.class)
                .optional();
    }

    public void addParticipants(long ticketId, Collection<MailAddress> people) {
        for (MailAddress p : people) {
            db.sql("INSERT INTO eml_participant (ticket_id, address, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(
                            ticketId,
                            p.address(),
                            p.name() == null
                                    ? null
                                    : p.name().length() > 200 ? p.name().substring(0, 200) : p.name())
                    .update();
        }
    }

    public List<MailAddress> participants(long ticketId) {
        return db.sql("SELECT address, name FROM eml_participant WHERE ticket_id = ? ORDER BY address")
                .param(ticketId)
                .query((rs, n) -> new MailAddress(rs.getString("name"), rs.getString("address")))
                .list();
    }

    public boolean isParticipant(long ticketId, String address) {
        return db.sql("SELECT COUNT(*) FROM eml_participant WHERE ticket_id = ? AND address = ?")
                        .params(ticketId, address)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
