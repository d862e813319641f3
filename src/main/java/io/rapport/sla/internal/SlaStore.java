package io.rapport.sla.internal;

import io.rapport.common.BusinessCalendar;
import io.rapport.common.Times;
import io.rapport.sla.CalendarView;
import io.rapport.sla.PolicyView;
import io.rapport.sla.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SLA's rows: calendars, policies, each ticket's targets, breaches and warnings. */
@Repository
public class SlaStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATE_COLUMNS = """
            ticket_id, policy_id, policy_name, calendar_id, first_response_due_at, first_responded_at,
            next_response_due_at, solution_due_at, solution_left_seconds, solved_at, paused_since""";

    private final JdbcClient db;
    /** Calendars never change once made: each is read and built once. */
    private final Map<Long, BusinessCalendar> built = new ConcurrentHashMap<>();

    SlaStore(JdbcClient db) {
        this.db = db;
    }

    public CalendarView insertCalendar(
            String name, String timezone, Map<String, List<String>> hours, List<String> holidays, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO sla_calendar (name, timezone, hours, holidays, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(name, timezone, JSON.writeValueAsString(hours), String.join(",", holidays), Times.sql(now))
                .update(keys, "id");
        return calendar(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    public Optional<CalendarView> calendar(long id) {
        return db.sql("SELECT id, name, timezone, hours, holidays, created_at FROM sla_calendar WHERE id = ?")
                .param(id)
                .query(SlaStore::calendarView)
                .optional();
    }

    public List<CalendarView> calendars() {
        return db.sql("SELECT id, name, timezone, hours, holidays, created_at FROM sla_calendar ORDER BY name, id")
                .query(SlaStore::calendarView)
                .list();
    }

    /** The calendar to count business time on; none (null): around the clock. */
    public BusinessCalendar businessCalendar(Long id) {
        if (id == null) {
            return BusinessCalendar.always();
        }
        return built.computeIfAbsent(
                id,
                key -> calendar(key)
                        .map(c -> BusinessCalendar.of(c.timezone(), c.hours(), c.holidays()))
                        .orElse(BusinessCalendar.always()));
    }

    private static CalendarView calendarView(ResultSet rs, int n) throws SQLException {
        String holidays = rs.getString("holidays");
        return new CalendarView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("timezone"),
                JSON.readValue(rs.getString("hours"), new TypeReference<Map<String, List<String>>>() {}),
                holidays.isEmpty() ? List.of() : List.of(holidays.split(",")),
                Times.instant(rs, "created_at"));
    }

    public PolicyView insertPolicy(
            String name,
            String priority,
            Long organizationId,
            int first,
            Integer next,
            int solution,
            Long calendarId,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO sla_policy (name, priority, organization_id, first_response_minutes,
                            next_response_minutes, solution_minutes, calendar_id, active, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)
                        """)
                .params(name, priority, organizationId, first, next, solution, calendarId, Times.sql(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        forgetPolicies();
        return readPolicies().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /**
     * The policies, read at most once every few seconds: every ticket event asks which apply. A policy added or stopped
     * on this node counts at once, on another within {@link #POLICIES_FOR}.
     */
    public List<PolicyView> policies() {
        Cached cached = policies;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < POLICIES_FOR.toNanos()) {
            return cached.list();
        }
        List<PolicyView> list = readPolicies();
        policies = new Cached(list, now);
        return list;
    }

    static final java.time.Duration POLICIES_FOR = java.time.Duration.ofSeconds(5);

    private record Cached(List<PolicyView> list, long readAt) {}

    private volatile Cached policies;

    /** Forgets the policies now and again once the change commits, so no read from before the commit is kept. */
    private void forgetPolicies() {
        policies = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            policies = null;
                        }
                    });
        }
    }

    /** The policies as stored now (pages and the API show these; ticket events use the few-seconds copy). */
    public List<PolicyView> readPolicies() {
        return db.sql("""
                        SELECT id, name, priority, organization_id, first_response_minutes, next_response_minutes,
                            solution_minutes, calendar_id, active, created_at
                        FROM sla_policy ORDER BY id
                        """).query(SlaStore::policyView).list();
    }

    public Optional<PolicyView> policy(long id) {
        return policies().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .or(() -> readPolicies().stream().filter(p -> p.id() == id).findFirst());
    }

    public boolean deactivate(long id) {
        forgetPolicies();
        return db.sql("UPDATE sla_policy SET active = FALSE WHERE id = ?")
                        .param(id)
                        .update()
                > 0;
    }

    private static PolicyView policyView(ResultSet rs, int n) throws SQLException {
        return new PolicyView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("priority"),
                (Long) rs.getObject("organization_id", Long.class),
                rs.getInt("first_response_minutes"),
                (Integer) rs.getObject("next_response_minutes", Integer.class),
                rs.getInt("solution_minutes"),
                (Long) rs.getObject("calendar_id", Long.class),
                rs.getBoolean("active"),
                Times.instant(rs, "created_at"));
    }

    public Optional<SlaState> find(long ticketId) {
        return db.sql("SELECT " + STATE_COLUMNS + " FROM sla_ticket WHERE ticket_id = ?")
                .param(ticketId)
                .query(SlaStore::state)
                .optional();
    }

    /** The targets of these tickets, by ticket id (tickets under no policy are left out). */
    public Map<Long, SlaState> findAll(java.util.Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, SlaState> states = new java.util.HashMap<>();
        db.sql("SELECT " + STATE_COLUMNS + " FROM sla_ticket WHERE ticket_id IN (:ids)")
                .param("ids", ticketIds)
                .query(SlaStore::state)
                .list()
                .forEach(s -> states.put(s.ticketId(), s));
        return states;
    }

    /** The ticket's targets with the row locked for the rest of the transaction. */
    public Optional<SlaState> lock(long ticketId) {
        return db.sql("SELECT " + STATE_COLUMNS + " FROM sla_ticket WHERE ticket_id = ? FOR UPDATE")
                .param(ticketId)
                .query(SlaStore::state)
                .optional();
    }

    public void insert(SlaState s, Instant nextCheck, Instant now) {
        db.sql("INSERT INTO sla_ticket (" + STATE_COLUMNS + ", next_check_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.ticketId(),
                        s.policyId(),
                        s.policyName(),
                        s.calendarId(),
                        Times.sql(s.firstResponseDueAt()),
                        Times.sql(s.firstRespondedAt()),
                        Times.sql(s.nextResponseDueAt()),
                        Times.sql(s.solutionDueAt()),
                        s.solutionLeftSeconds(),
                        Times.sql(s.solvedAt()),
                        Times.sql(s.pausedSince()),
                        Times.sql(nextCheck),
                        Times.sql(now))
                .update();
    }

    /** A check that failed is tried again in a minute, not at once over and over. */
    public void postpone(long ticketId, Instant next) {
        db.sql("UPDATE sla_ticket SET next_check_at = ? WHERE ticket_id = ?")
                .params(Times.sql(next), ticketId)
                .update();
    }

    public void delete(long ticketId) {
        db.sql("DELETE FROM sla_ticket WHERE ticket_id = ?").param(ticketId).update();
    }

    public void update(SlaState s, Instant nextCheck, Instant now) {
        db.sql("""
                        UPDATE sla_ticket SET first_response_due_at = ?, first_responded_at = ?,
                            next_response_due_at = ?, solution_due_at = ?, solution_left_seconds = ?, solved_at = ?,
                            paused_since = ?, next_check_at = ?, updated_at = ?
                        WHERE ticket_id = ?
                        """)
                .params(
                        Times.sql(s.firstResponseDueAt()),
                        Times.sql(s.firstRespondedAt()),
                        Times.sql(s.nextResponseDueAt()),
                        Times.sql(s.solutionDueAt()),
                        s.solutionLeftSeconds(),
                        Times.sql(s.solvedAt()),
                        Times.sql(s.pausedSince()),
                        Times.sql(nextCheck),
                        Times.sql(now),
                        s.ticketId())
                .update();
    }

    private static SlaState state(ResultSet rs, int n) throws SQLException {
        return new SlaState(
                rs.getLong("ticket_id"),
                rs.getLong("policy_id"),
                rs.getString("policy_name"),
                (Long) rs.getObject("calendar_id", Long.class),
                Times.instant(rs, "first_response_due_at"),
                Times.instant(rs, "first_responded_at"),
                Times.instant(rs, "next_response_due_at"),
                Times.instant(rs, "solution_due_at"),
                (Long) rs.getObject("solution_left_seconds", Long.class),
                Times.instant(rs, "solved_at"),
                Times.instant(rs, "paused_since"));
    }

    /** Tickets whose next warning or due time has come, soonest first. */
    public List<Long> due(Instant now, int limit) {
        return db.sql("SELECT ticket_id FROM sla_ticket WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ?")
                .params(Times.sql(now), limit)
                .query(Long.class)
                .list();
    }

    public void breach(long ticketId, Target target, Instant due, Instant at) {
        db.sql("INSERT INTO sla_breach (ticket_id, target, due_at, breached_at) VALUES (?, ?, ?, ?)")
                .params(ticketId, target.code(), Times.sql(due), Times.sql(at))
                .update();
    }

    public void warned(long ticketId, Target target, Instant due, Instant at) {
        db.sql("INSERT INTO sla_warning (ticket_id, target, due_at, warned_at) VALUES (?, ?, ?, ?)")
                .params(ticketId, target.code(), Times.sql(due), Times.sql(at))
                .update();
    }

    /** Keys ({@link SlaState#key}) of the ticket's recorded breaches. */
    public Set<String> breachKeys(long ticketId) {
        return keys("SELECT target, due_at FROM sla_breach WHERE ticket_id = ?", ticketId);
    }

    public Set<String> warningKeys(long ticketId) {
        return keys("SELECT target, due_at FROM sla_warning WHERE ticket_id = ?", ticketId);
    }

    private Set<String> keys(String sql, long ticketId) {
        Set<String> keys = new HashSet<>();
        db.sql(sql).param(ticketId).query(rs -> {
            keys.add(rs.getString(1) + "@" + Times.instant(rs, "due_at").toEpochMilli());
        });
        return keys;
    }

    /** The targets missed on the ticket, each once, in the order they were missed. */
    /** The targets each of these tickets has missed, in one query (a page of tickets asks for all of theirs). */
    public Map<Long, List<String>> breachedTargets(java.util.Collection<Long> ticketIds) {
        Map<Long, List<String>> missed = new java.util.HashMap<>();
        if (ticketIds.isEmpty()) {
            return missed;
        }
        db.sql("SELECT ticket_id, target FROM sla_breach WHERE ticket_id IN (:ids) ORDER BY ticket_id, breached_at, id")
                .param("ids", ticketIds)
                .query(rs -> {
                    List<String> theirs = missed.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>());
                    if (!theirs.contains(rs.getString(2))) {
                        theirs.add(rs.getString(2));
                    }
                });
        return missed;
    }

    public List<String> breachedTargets(long ticketId) {
        return db
                .sql("SELECT target FROM sla_breach WHERE ticket_id = ? ORDER BY breached_at, id")
                .param(ticketId)
                .query(String.class)
                .list()
                .stream()
                .distinct()
                .toList();
    }
}
