package io.rapport.knowledge.internal;

import io.rapport.common.Codes;
import io.rapport.common.Times;
import io.rapport.knowledge.MeaningBackfillStatus;
import io.rapport.knowledge.MeaningBackfillStatus.State;
import io.rapport.tickets.Tickets;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one row that says how the meaning backfill stands (ADR 33, {@code kn_meaning_backfill}). Every change is one
 * conditional update, so two admins pressing at once, or an admin pausing while a page is being worked on, leave it
 * consistent: the page's progress is still counted, and the walk stays paused.
 */
@Component
public class MeaningBackfillStore {

    /** A running walk: it started below {@code topId}, reads below {@code belowId} next, and counted this many. */
    record Walk(long topId, long belowId, Long toLookAt) {}

    private final JdbcClient db;
    private final Tickets tickets;
    private final Clock clock;

    MeaningBackfillStore(JdbcClient db, Tickets tickets, Clock clock) {
        this.db = db;
        this.tickets = tickets;
        this.clock = clock;
    }

    public MeaningBackfillStatus status() {
        return db.sql("""
                        SELECT state, top_id, below_id, to_look_at, looked_at, worked_out, skipped, spent_millis,
                          started_at, finished_at, error
                        FROM kn_meaning_backfill WHERE id = 1
                        """)
                .query((rs, n) -> {
                    State state = Codes.stored(State.class, rs.getString("state"));
                    long top = rs.getLong("top_id");
                    long below = rs.getLong("below_id");
                    long toLookAt = rs.getLong("to_look_at");
                    Long counted = rs.wasNull() ? null : toLookAt;
                    boolean under = state == State.RUNNING || state == State.PAUSED || state == State.FAILED;
                    return new MeaningBackfillStatus(
                            state,
                            state == State.DONE ? 100 : under ? MeaningBackfillStatus.percent(top, below) : 0,
                            counted,
                            rs.getLong("looked_at"),
                            rs.getLong("worked_out"),
                            rs.getLong("skipped"),
                            Times.instant(rs, "started_at"),
                            Times.instant(rs, "finished_at"),
                            under ? MeaningBackfillStatus.left(rs.getLong("spent_millis"), top, below) : null,
                            rs.getString("error"));
                })
                .single();
    }

    /**
     * Resumes a paused or failed walk; else starts one from the newest ticket (its first step counts what it will look
     * at); a running one is left as it is.
     */
    @Transactional
    public void start(long byAgentId) {
        int resumed = db.sql(
                        "UPDATE kn_meaning_backfill SET state = 'running', error = NULL WHERE id = 1 AND state IN ('paused', 'failed')")
                .update();
        if (resumed > 0) {
            return;
        }
        long top = tickets.lastId() + 1;
        db.sql("""
                        UPDATE kn_meaning_backfill SET state = 'running', top_id = ?, below_id = ?, to_look_at = NULL,
                          looked_at = 0, worked_out = 0, skipped = 0, spent_millis = 0, started_at = ?, started_by = ?,
                          finished_at = NULL, error = NULL
                        WHERE id = 1 AND state IN ('idle', 'done')
                        """).params(top, top, Times.sql(Times.now(clock)), byAgentId).update();
    }

    public void pause() {
        db.sql("UPDATE kn_meaning_backfill SET state = 'paused' WHERE id = 1 AND state = 'running'")
                .update();
    }

    /** The walk, when it is running; null when not. */
    Walk running() {
        return db.sql("SELECT top_id, below_id, to_look_at FROM kn_meaning_backfill WHERE id = 1 AND state = 'running'")
                .query((rs, n) -> {
                    long toLookAt = rs.getLong(3);
                    Long counted = rs.wasNull() ? null : toLookAt;
                    return new Walk(rs.getLong(1), rs.getLong(2), counted);
                })
                .optional()
                .orElse(null);
    }

    /** Notes what the walk that started below {@code topId} counted, unless it was counted already. */
    void counted(long topId, long toLookAt) {
        db.sql("UPDATE kn_meaning_backfill SET to_look_at = ? WHERE id = 1 AND top_id = ? AND to_look_at IS NULL")
                .params(toLookAt, topId)
                .update();
    }

    /**
     * Counts a page done, in the page's transaction: false if the walk was not where the page began (another run
     * counted it already, or it was started over), and then the page must not commit.
     */
    boolean advance(long from, long to, int looked, int worked, int skipped, long spentMillis) {
        return db.sql("""
                                UPDATE kn_meaning_backfill SET below_id = ?, looked_at = looked_at + ?,
                                  worked_out = worked_out + ?, skipped = skipped + ?, spent_millis = spent_millis + ?
                                WHERE id = 1 AND below_id = ? AND state IN ('running', 'paused')
                                """)
                        .params(to, looked, worked, skipped, spentMillis, from)
                        .update()
                > 0;
    }

    /** No ticket is left below {@code from}: done. */
    void finish(long from) {
        db.sql("""
                        UPDATE kn_meaning_backfill SET state = 'done', finished_at = ?
                        WHERE id = 1 AND below_id = ? AND state = 'running'
                        """).params(Times.sql(Times.now(clock)), from).update();
    }

    void fail(String reason) {
        String cut = reason == null ? "unknown" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        db.sql("UPDATE kn_meaning_backfill SET state = 'failed', error = ? WHERE id = 1 AND state = 'running'")
                .param(cut)
                .update();
    }
}
