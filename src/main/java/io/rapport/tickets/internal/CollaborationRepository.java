package io.rapport.tickets.internal;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Related tickets (tkt_link, stored once per pair), followers (tkt_follower) and mentions (tkt_mention). */
@Component
public class CollaborationRepository {

    private final JdbcClient db;

    CollaborationRepository(JdbcClient db) {
        this.db = db;
    }

    /** Links the two tickets; false when they were linked already. */
    public boolean link(long a, long b, Long by, Instant now) {
        return db.sql("""
                                INSERT INTO tkt_link (ticket_id, related_id, created_by, created_at) VALUES (?, ?, ?, ?)
                                ON CONFLICT DO NOTHING
                                """)
                        .params(Math.min(a, b), Math.max(a, b), by, Times.sql(now))
                        .update()
                == 1;
    }

    /** Unlinks the two tickets; false when they were not linked. */
    public boolean unlink(long a, long b) {
        return db.sql("DELETE FROM tkt_link WHERE ticket_id = ? AND related_id = ?")
                        .params(Math.min(a, b), Math.max(a, b))
                        .update()
                == 1;
    }

    /** The tickets linked to this one, oldest link first. */
    public List<Long> related(long ticketId) {
        return db.sql("""
                        SELECT related_id AS id, created_at FROM tkt_link WHERE ticket_id = ?
                        UNION ALL
                        SELECT ticket_id AS id, created_at FROM tkt_link WHERE related_id = ?
                        ORDER BY created_at, id
                        """)
                .params(ticketId, ticketId)
                .query((rs, n) -> rs.getLong("id"))
                .list();
    }

    public boolean follow(long ticketId, long agentId, Instant now) {
        return db.sql(
                                "INSERT INTO tkt_follower (ticket_id, agent_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(ticketId, agentId, Times.sql(now))
                        .update()
                == 1;
    }

    public boolean unfollow(long ticketId, long agentId) {
        return db.sql("DELETE FROM tkt_follower WHERE ticket_id = ? AND agent_id = ?")
                        .params(ticketId, agentId)
                        .update()
                == 1;
    }

    public List<Long> followers(long ticketId) {
        return db.sql("SELECT agent_id FROM tkt_follower WHERE ticket_id = ? ORDER BY created_at, agent_id")
                .param(ticketId)
                .query(Long.class)
                .list();
    }

    public void mention(long messageId, long ticketId, Collection<Long> agentIds, Instant now) {
        for (long agentId : agentIds) {
            db.sql("""
                            INSERT INTO tkt_mention (message_id, ticket_id, agent_id, created_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT DO NOTHING
                            """).params(messageId, ticketId, agentId, Times.sql(now)).update();
        }
    }

    public List<Long> mentioned(long messageId) {
        return db.sql("SELECT agent_id FROM tkt_mention WHERE message_id = ? ORDER BY agent_id")
                .param(messageId)
                .query(Long.class)
                .list();
    }

    /** A merged ticket's links and followers go with its conversation; a link to the ticket it went into ends. */
    public void moveAll(long fromId, long intoId, Instant now) {
        for (long other : related(fromId)) {
            unlink(fromId, other);
            if (other != intoId) {
                link(intoId, other, null, now);
            }
        }
        for (long agent : followers(fromId)) {
            follow(intoId, agent, now);
        }
        db.sql("UPDATE tkt_mention SET ticket_id = ? WHERE ticket_id = ?")
                .params(intoId, fromId)
                .update();
    }
}
