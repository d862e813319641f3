package io.rapport.knowledge.internal;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored meaning of each ticket's problem (ADR 30): one vector per ticket and model, written once when it opens
 * (ADR 33: kept per model, so a new model's vectors go beside the old).
 */
@Component
public class ProblemMeanings {

    private final JdbcClient db;

    ProblemMeanings(JdbcClient db) {
        this.db = db;
    }

    /**
     * Keeps a ticket's vector; one two watches worked out at once is kept once. False when the ticket had one of this
     * model already.
     */
    public boolean put(long ticketId, float[] vector, Instant at) {
        return db.sql("""
                                INSERT INTO kn_problem_meaning (ticket_id, model, vector, created_at) VALUES (?, ?, ?, ?)
                                ON CONFLICT DO NOTHING
                                """)
                        .params(ticketId, Meaning.MODEL, Meaning.bytes(vector), Times.sql(at))
                        .update()
                > 0;
    }

    /** The vectors these tickets have (made by this model); tickets without one are left out. */
    public Map<Long, float[]> of(Collection<Long> ticketIds) {
        Map<Long, float[]> vectors = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return vectors;
        }
        db.sql("SELECT ticket_id, vector FROM kn_problem_meaning WHERE ticket_id IN (:ids) AND model = :model")
                .param("ids", ticketIds)
                .param("model", Meaning.MODEL)
                .query(rs -> {
                    vectors.put(rs.getLong(1), Meaning.floats(rs.getBytes(2)));
                });
        return vectors;
    }

    /** The newest vectors, at most {@code limit}: the desk's own background, which scores are measured against. */
    public List<float[]> newest(int limit) {
        return db.sql("SELECT vector FROM kn_problem_meaning WHERE model = ? ORDER BY created_at DESC LIMIT ?")
                .params(Meaning.MODEL, limit)
                .query((rs, n) -> Meaning.floats(rs.getBytes(1)))
                .list();
    }
}
