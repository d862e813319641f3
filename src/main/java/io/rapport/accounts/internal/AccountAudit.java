package io.rapport.accounts.internal;

import io.rapport.accounts.AccountChange;
import io.rapport.accounts.Actor;
import io.rapport.common.Times;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of accounts (acc_audit_event): who changed what in customers, organizations, agents, teams and API
 * tokens, before and after.
 */
@Component
public class AccountAudit {

    private static final int MAX_VALUE = 10_000;
    private static final String SELECT = """
            SELECT id, actor_name, action, subject_type, subject_id, field, before_value, after_value, created_at
            FROM acc_audit_event
            """;

    private final JdbcClient db;

    AccountAudit(JdbcClient db) {
        this.db = db;
    }

    public void record(
            Actor actor,
            String action,
            String subjectType,
            long subjectId,
            String field,
            String before,
            String after,
            Instant now) {
        db.sql("""
                        INSERT INTO acc_audit_event (actor_id, actor_name, action, subject_type, subject_id, field,
                            before_value, after_value, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        actor.id(),
                        actor.name(),
                        action,
                        subjectType,
                        subjectId,
                        field,
                        cut(before),
                        cut(after),
                        Times.sql(now))
                .update();
    }

    /** The subject's history, newest first. */
    public List<AccountChange> of(String subjectType, long subjectId, int limit) {
        return db
                .sql(SELECT + " WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT ?")
                .params(subjectType, subjectId, limit)
                .query(AccountAudit::row)
                .list()
                .stream()
                .map(r -> new AccountChange(r.actorName(), r.action(), r.field(), r.before(), r.after(), r.createdAt()))
                .toList();
    }

    /** One row of the log with its subject, for the admin's list. */
    public record Row(
            long id,
            String actorName,
            String action,
            String subjectType,
            long subjectId,
            String field,
            String before,
            String after,
            Instant createdAt) {}

    /** The newest entries (of one kind of subject, or all) older than {@code beforeId} (null: from the newest). */
    public List<Row> recent(String subjectType, Long beforeId, int limit) {
        return db.sql(
                        SELECT
                                + " WHERE (CAST(? AS VARCHAR(40)) IS NULL OR subject_type = ?) AND id < ? ORDER BY id DESC LIMIT ?")
                .params(subjectType, subjectType, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query(AccountAudit::row)
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getLong("subject_id"),
                rs.getString("field"),
                rs.getString("before_value"),
                rs.getString("after_value"),
                Times.instant(rs, "created_at"));
    }

    /** Moves a merged subject's history to the one it became, so that nothing of it is lost. */
    public void move(String subjectType, long fromId, long intoId) {
        db.sql("UPDATE acc_audit_event SET subject_id = ? WHERE subject_type = ? AND subject_id = ?")
                .params(intoId, subjectType, fromId)
                .update();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
