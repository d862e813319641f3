package io.rapport.routing.internal;

import io.rapport.common.Times;
import io.rapport.routing.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing's rows: the latest decision per ticket (its lists kept as JSON text, read whole for the explanation), the
 * tickets still waiting for someone with when to try next, and when each agent last got a ticket.
 */
@Repository
public class Decisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ticket waiting for someone who fits: since when (widening counts from it) and the tier it needs. */
    public record Waiting(long ticketId, Instant since, Instant nextAt, int minTier) {}

    private final JdbcClient db;

    Decisions(JdbcClient db) {
        this.db = db;
    }

    public void save(Decided v) {
        String skills = JSON.writeValueAsString(v.skills());
        Object[] values = {
            v.assigneeId(),
            v.outcome(),
            v.widening(),
            v.language(),
            v.minTier(),
            v.teamId(),
            skills.length() > 4_000 ? "{}" : skills,
            JSON.writeValueAsString(fitKeepingEnd(v.reasons(), 20_000, CONCLUSIONS)),
            JSON.writeValueAsString(fit(v.candidates(), 40_000)),
            Times.sql(v.decidedAt()),
            v.ticketId()
        };
        int changed = db.sql("""
                        UPDATE rtg_decision SET assignee_id = ?, outcome = ?, widening = ?, language = ?, min_tier = ?,
                            team_id = ?, skills = ?, reasons = ?, candidates = ?, decided_at = ?
                        WHERE ticket_id = ?
                        """).params(values).update();
        if (changed == 0) {
            db.sql("""
                            INSERT INTO rtg_decision (assignee_id, outcome, widening, language, min_tier, team_id,
                                skills, reasons, candidates, decided_at, ticket_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """).params(values).update();
        }
    }

    /** The list cut from its end until its JSON fits the column (hundreds of matching rules could overflow it). */
    static <T> List<T> fit(List<T> list, int chars) {
        List<T> kept = list;
        while (!kept.isEmpty() && JSON.writeValueAsString(kept).length() > chars) {
            kept = kept.subList(0, kept.size() - 1);
        }
        return kept;
    }

    /** The last reasons of a decision say what came of it ("the only one who fits", "tries again ..."). */
    static final int CONCLUSIONS = 6;

    /**
     * The list, when its JSON is too long for the column, cut in the middle: its first entries (what the ticket
     * needs) and its last {@code end} (what came of it) are kept; one entry says how many were left out.
     */
    static List<Reason> fitKeepingEnd(List<Reason> list, int chars, int end) {
        if (JSON.writeValueAsString(list).length() <= chars) {
            return list;
        }
        List<Reason> head = new java.util.ArrayList<>(list.subList(0, Math.max(0, list.size() - end)));
        List<Reason> tail = list.subList(Math.max(0, list.size() - end), list.size());
        while (!head.isEmpty()) {
            head.removeLast();
            List<Reason> kept = new java.util.ArrayList<>(head);
            kept.add(Reason.of("leftOut", list.size() - head.size() - tail.size()));
            kept.addAll(tail);
            if (JSON.writeValueAsString(kept).length() <= chars) {
                return List.copyOf(kept);
            }
        }
        return fit(tail, chars);
    }

    public Optional<Decided> find(long ticketId) {
        return db.sql("""
                        SELECT ticket_id, assignee_id, outcome, widening, language, min_tier, team_id, skills, reasons,
                            candidates, decided_at
                        FROM rtg_decision WHERE ticket_id = ?
                        """).param(ticketId).query(Decisions::view).optional();
    }

    private static Decided view(ResultSet rs, int n) throws SQLException {
        List<Decided.Candidate> candidates = new java.util.ArrayList<>();
        for (JsonNode c : JSON.readTree(rs.getString("candidates"))) {
            candidates.add(new Decided.Candidate(
                    c.get("agentId").asLong(),
                    c.get("name").asString(),
                    c.get("score").asDouble(),
                    reasons(c.get("reasons"))));
        }
        return new Decided(
                rs.getLong("ticket_id"),
                (Long) rs.getObject("assignee_id", Long.class),
                rs.getString("outcome"),
                rs.getString("widening"),
                rs.getString("language"),
                JSON.readValue(rs.getString("skills"), new TypeReference<Map<String, Integer>>() {}),
                rs.getInt("min_tier"),
                (Long) rs.getObject("team_id", Long.class),
                reasons(JSON.readTree(rs.getString("reasons"))),
                List.copyOf(candidates),
                Times.instant(rs, "decided_at"));
    }

    /** Reasons as stored: keys and arguments, or (decided before reasons had keys) words. */
    static List<Reason> reasons(JsonNode stored) {
        List<Reason> reasons = new java.util.ArrayList<>();
        if (stored == null) {
            return reasons;
        }
        for (JsonNode r : stored) {
            if (r.isString()) {
                reasons.add(Reason.words(r.asString()));
            } else {
                List<Object> args = new java.util.ArrayList<>();
                r.path("args").forEach(a -> args.add(JSON.treeToValue(a, Object.class)));
                reasons.add(new Reason(r.path("key").asString(null), args));
            }
        }
        return List.copyOf(reasons);
    }

    public Optional<Waiting> waiting(long ticketId) {
        return db.sql("SELECT ticket_id, since, next_at, min_tier FROM rtg_waiting WHERE ticket_id = ?")
                .param(ticketId)
                .query(Decisions::waiting)
                .optional();
    }

    /** Tickets whose next try is due, the longest-waiting first. */
    public List<Long> due(Instant now, int limit) {
        return db.sql("SELECT ticket_id FROM rtg_waiting WHERE next_at <= ? ORDER BY next_at, ticket_id LIMIT ?")
                .params(Times.sql(now), limit)
                .query(Long.class)
                .list();
    }

    /** Every ticket waiting for someone, the longest-waiting first. */
    public List<Long> waitingTickets(int limit) {
        return db.sql("SELECT ticket_id FROM rtg_waiting ORDER BY since, ticket_id LIMIT ?")
                .param(limit)
                .query(Long.class)
                .list();
    }

    /** A new ticket on the waiting list (it cannot be there yet). */
    public void startWaiting(long ticketId, Instant since, Instant next) {
        db.sql("INSERT INTO rtg_waiting (ticket_id, since, next_at, min_tier) VALUES (?, ?, ?, 1)")
                .params(ticketId, Times.sql(since), Times.sql(next))
                .update();
    }

    public void waitUntil(long ticketId, Instant since, Instant next, int minTier) {
        int changed = db.sql("UPDATE rtg_waiting SET next_at = ?, min_tier = ? WHERE ticket_id = ?")
                .params(Times.sql(next), minTier, ticketId)
                .update();
        if (changed == 0) {
            db.sql("INSERT INTO rtg_waiting (ticket_id, since, next_at, min_tier) VALUES (?, ?, ?, ?)")
                    .params(ticketId, Times.sql(since), Times.sql(next), minTier)
                    .update();
        }
    }

    public void stopWaiting(long ticketId) {
        db.sql("DELETE FROM rtg_waiting WHERE ticket_id = ?").param(ticketId).update();
    }

    /**
     * Notes when routing last gave this agent a ticket. Two tickets routed to one agent at the same moment both find no
     * row: the second insert yields to the first and updates it instead of failing (which left its ticket waiting).
     */
    public void gaveTo(long agentId, Instant at) {
        if (updateTurn(agentId, at) > 0) {
            return;
        }
        int inserted = db.sql("INSERT INTO rtg_turn (agent_id, last_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(agentId, Times.sql(at))
                .update();
        if (inserted == 0) {
            updateTurn(agentId, at);
        }
    }

    private int updateTurn(long agentId, Instant at) {
        return db.sql("UPDATE rtg_turn SET last_at = ? WHERE agent_id = ?")
                .params(Times.sql(at), agentId)
                .update();
    }

    /** When each agent was last given a ticket by routing, as epoch milliseconds. */
    public Map<Long, Long> turns() {
        Map<Long, Long> turns = new HashMap<>();
        db.sql("SELECT agent_id, last_at FROM rtg_turn").query(rs -> {
            turns.put(rs.getLong(1), Times.instant(rs, "last_at").toEpochMilli());
        });
        return turns;
    }

    private static Waiting waiting(ResultSet rs, int n) throws SQLException {
        return new Waiting(
                rs.getLong("ticket_id"),
                Times.instant(rs, "since"),
                Times.instant(rs, "next_at"),
                rs.getInt("min_tier"));
    }
}
