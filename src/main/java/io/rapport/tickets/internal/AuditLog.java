package io.rapport.tickets.internal;

import io.rapport.common.Codes;
import io.rapport.common.Times;
import io.rapport.tickets.AuditEntry;
import io.rapport.tickets.Author;
import io.rapport.tickets.AuthorType;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail in tkt_audit_event: append-only. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class AuditLog {

    private static final int MAX_VALUE = 1000;

    private final JdbcClient db;

    AuditLog(JdbcClient db) {
        this.db = db;
    }

    public void record(long ticketId, Author by, String action, String field, String before, String after, Instant at) {
        db.sql("""
                        INSERT INTO tkt_audit_event (ticket_id, actor_type, actor_id, actor_name, action, field,
                            before_value, after_value, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        ticketId,
                        by.type().code(),
                        by.id(),
                        by.name(),
                        action,
                        field,
                        cut(before),
                        cut(after),
                        Times.sql(at))
                .update();
    }

    public List<AuditEntry> forTicket(long ticketId) {
        return db.sql("SELECT * FROM tkt_audit_event WHERE ticket_id = ? ORDER BY id")
                .param(ticketId)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        new Author(
                                Codes.stored(AuthorType.class, rs.getString("actor_type")),
                                TicketRepository.nullableLong(rs, "actor_id"),
                                rs.getString("actor_name")),
                        rs.getString("action"),
                        rs.getString("field"),
                        rs.getString("before_value"),
                        rs.getString("after_value"),
                        Times.instant(rs, "created_at")))
                .list();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
