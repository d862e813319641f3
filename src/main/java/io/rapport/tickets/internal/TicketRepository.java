package io.rapport.tickets.internal;

import io.rapport.common.Codes;
import io.rapport.common.Page;
import io.rapport.common.Times;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Outcome;
import io.rapport.tickets.Priority;
import io.rapport.tickets.RepeatWatch;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Tickets and their tags in tkt_ticket and tkt_tag; the queries behind the agent views. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class TicketRepository {

    private static final String COLUMNS = """
            t.id, t.number, t.subject, t.status, t.outcome, t.priority, t.channel, t.customer_id, t.assignee_id,
            t.team_id, t.language, t.repeat_of, t.merged_into, t.created_at, t.updated_at, t.solved_at, t.closed_at, t.version,
            t.customer_sort
            """;

    /** A customer's name as lists sort it. */
    static String sortKey(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    /** Keeps the sort copy of a customer's name in step with accounts. */
    public void renameCustomer(long customerId, String name) {
        db.sql("UPDATE tkt_ticket SET customer_sort = ? WHERE customer_id = ?")
                .params(sortKey(name), customerId)
                .update();
    }

    /** The assignee sort's place in {@link #SORTS}: agents' names live in accounts, so their order comes with the query. */
    private static final String ASSIGNEE_ORDER = "assignee order";

    private static final Map<String, String> SORTS = Map.of(
            "customer",
            "t.customer_sort",
            "assignee",
            ASSIGNEE_ORDER,
            "updated",
            "t.updated_at",
            "created",
            "t.created_at",
            "number",
            "t.number",
            "subject",
            "LOWER(t.subject)",
            "priority",
            "CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END",
            "status",
            "CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 WHEN 'solved' THEN 3 ELSE 4 END");

    /** Above this many matches, H2 is told to walk the last-update index rather than sort every match. */
    static final long H2_SORTED_SCAN_FROM = 2_000;

    private final JdbcClient db;
    private final boolean h2;

    TicketRepository(
            JdbcClient db, @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}") String url) {
        this.db = db;
        this.h2 = url.startsWith("jdbc:h2:");
    }

    /** The database's id and the human ticket number it drew from the sequence. */
    public record Inserted(long id, long number) {}

    /**
     * Inserts a new ticket; the number comes from the sequence in the same statement. {@code customerName} is kept,
     * lower case, for sorting lists by customer.
     */
    public Inserted insert(TicketState t, String customerName) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_ticket (number, subject, status, outcome, priority, channel, customer_id,
                            customer_sort, assignee_id, team_id, language, repeat_of, created_at, updated_at, version)
                        VALUES (nextval('tkt_ticket_number_seq'), :subject, :status, :outcome, :priority, :channel,
                            :customer, :customerSort, :assignee, :team, :language, :repeatOf, :created, :updated, 0)
                        """)
                .param("customerSort", sortKey(customerName))
                .param("subject", t.subject())
                .param("status", t.status().code())
                .param("outcome", t.outcome().code())
                .param("priority", t.priority().code())
                .param("channel", t.channel().code())
                .param("customer", t.customerId())
                .param("assignee", t.assigneeId())
                .param("team", t.teamId())
                .param("language", t.language())
                .param("repeatOf", t.repeatOf())
                .param("created", Times.sql(t.createdAt()))
                .param("updated", Times.sql(t.updatedAt()))
                .update(keys, "id", "number");
        Map<String, Object> generated = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        generated.putAll(keys.getKeys());
        Inserted inserted = new Inserted(
                ((Number) generated.get("id")).longValue(), ((Number) generated.get("number")).longValue());
        insertTags(inserted.id(), t.tags());
        return inserted;
    }

    /** Writes the ticket back; fails with a conflict when someone else changed it since it was read. */
    public void update(TicketState t, Set<String> tagsBefore) {
        int updated = db.sql("""
                        UPDATE tkt_ticket SET status = :status, outcome = :outcome, priority = :priority,
                            assignee_id = :assignee, team_id = :team, repeat_of = :repeatOf, merged_into = :mergedInto,
                            updated_at = :updated,
                            solved_at = :solved, closed_at = :closed, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("status", t.status().code())
                .param("outcome", t.outcome().code())
                .param("priority", t.priority().code())
                .param("assignee", t.assigneeId())
                .param("team", t.teamId())
                .param("repeatOf", t.repeatOf())
                .param("mergedInto", t.mergedInto())
                .param("updated", Times.sql(t.updatedAt()))
                .param("solved", Times.sql(t.solvedAt()))
                .param("closed", Times.sql(t.closedAt()))
                .param("id", t.id())
                .param("version", t.version())
                .update();
        if (updated != 1) {
            throw Ticket.changedMeanwhile(t.number());
        }
        if (!tagsBefore.equals(t.tags())) {
            db.sql("DELETE FROM tkt_tag WHERE ticket_id = ?").param(t.id()).update();
            insertTags(t.id(), t.tags());
        }
    }

    /** All tags in one statement. */
    private void insertTags(long id, Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<Object> params = new java.util.ArrayList<>();
        tags.forEach(tag -> {
            params.add(id);
            params.add(tag);
        });
        db.sql("INSERT INTO tkt_tag (ticket_id, tag) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(tags.size(), "(?, ?)")))
                .params(params)
                .update();
    }

    /**
     * The ticket, its row locked until the transaction ends: concurrent changes to one ticket queue up instead of
     * failing on the version check (a customer's reply must not bounce because an agent saved a field).
     */
    public Optional<TicketState> findForUpdate(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM tkt_ticket t WHERE t.id = ? FOR UPDATE")
                .param(id)
                .query(TicketRepository::row)
                .optional()
                .map(r -> withTags(List.of(r)).getFirst());
    }

    /** The id of the ticket with this number, if it exists (and belongs to the customer, when one is given). */
    public Optional<Long> idOfNumber(long number, Long customerId) {
        return db.sql("SELECT id FROM tkt_ticket WHERE number = ?" + (customerId == null ? "" : " AND customer_id = ?"))
                .params(customerId == null ? List.of(number) : List.of(number, customerId))
                .query(Long.class)
                .optional();
    }

    /** The number of the ticket with this id, if it exists (and belongs to the customer, when one is given). */
    public Optional<Long> numberOfId(long id, Long customerId) {
        return db.sql("SELECT number FROM tkt_ticket WHERE id = ?" + (customerId == null ? "" : " AND customer_id = ?"))
                .params(customerId == null ? List.of(id) : List.of(id, customerId))
                .query(Long.class)
                .optional();
    }

    public boolean exists(long id) {
        return db.sql("SELECT COUNT(*) FROM tkt_ticket WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<TicketState> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM tkt_ticket t WHERE t.id = ?")
                .param(id)
                .query(TicketRepository::row)
                .optional()
                .map(r -> withTags(List.of(r)).getFirst());
    }

    public Page<TicketState> find(TicketQuery q) {
        return find(q, null, List.of());
    }

    /**
     * As {@link #find(TicketQuery)}, but counting stops after {@code countLimit} matches (null: exact count);
     * {@code agentsByName} orders a sort by assignee (unassigned last, or first when descending).
     */
    public Page<TicketState> find(TicketQuery q, Long countLimit, List<Long> agentsByName) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            // Inlined, not bound: the codes come from the enum, and literals let PostgreSQL match the partial indexes.
            where.append(" AND t.status IN (")
                    .append(q.statuses().stream()
                            .sorted()
                            .map(s -> "'" + s.code() + "'")
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .append(")");
        }
        if (q.assigneeId() != null) {
            where.append(" AND t.assignee_id = :assignee");
            params.put("assignee", q.assigneeId());
        }
        if (q.unassigned()) {
            where.append(" AND t.assignee_id IS NULL");
        }
        if (q.teamIds() != null) {
            if (q.teamIds().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND t.team_id IN (:teams)");
                params.put("teams", q.teamIds());
            }
        }
        if (q.customerIds() != null) {
            if (q.customerIds().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND t.customer_id IN (:customers)");
                params.put("customers", q.customerIds());
            }
        }
        if (q.number() != null) {
            where.append(" AND t.number = :number");
            params.put("number", q.number());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM tkt_tag g WHERE g.ticket_id = t.id AND g.tag = :tag)");
            params.put("tag", q.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (q.filter() != null && !q.filter().isEmpty()) {
            narrow(q.filter(), where, params);
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().strip();
            String digits = text.startsWith("#") ? text.substring(1) : text;
            if (digits.matches("\\d{1,18}")) {
                where.append(" AND (t.number = :num OR LOWER(t.subject) LIKE :text)");
                params.put("num", Long.parseLong(digits));
            } else {
                where.append(" AND LOWER(t.subject) LIKE :text");
            }
            params.put(
                    "text",
                    "%"
                            + text.toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        String count = countLimit == null
                ? "SELECT COUNT(*) FROM tkt_ticket t" + where
                : "SELECT COUNT(*) FROM (SELECT 1 FROM tkt_ticket t" + where + " LIMIT " + (countLimit + 1) + ") c";
        long total = db.sql(count).params(params).query(Long.class).single();
        boolean capped = countLimit != null && total > countLimit;
        if (capped) {
            total = countLimit;
        }
        String sort = q.sort() == null || q.sort().isBlank() ? "-updated" : q.sort();
        boolean descending = sort.startsWith("-");
        String column = sortColumn(sort);
        if (column.equals(ASSIGNEE_ORDER)) {
            StringBuilder order = new StringBuilder("CASE");
            for (int i = 0; i < agentsByName.size(); i++) {
                order.append(" WHEN t.assignee_id = ")
                        .append(agentsByName.get(i))
                        .append(" THEN ")
                        .append(i);
            }
            column = agentsByName.isEmpty()
                    ? "0"
                    : order.append(" ELSE ")
                            .append(agentsByName.size())
                            .append(" END")
                            .toString();
        }
        String direction = descending ? " DESC" : " ASC";
        // H2 filters by the status index but then sorts every match; for a large view, walking the last-update index
        // and filtering reads little more than a page. PostgreSQL plans this itself (and has partial indexes).
        String from = h2 && column.equals("t.updated_at") && total > H2_SORTED_SCAN_FROM
                ? " FROM tkt_ticket t USE INDEX (tkt_ticket_updated_ix)"
                : " FROM tkt_ticket t";
        String order = " ORDER BY " + column + direction + ", t.id" + direction + " LIMIT :limit OFFSET :offset";
        String select = "SELECT " + COLUMNS + from + where + order;
        if (filterFirst(q, total, capped)) {
            // Find the matches first, then sort them: walking the sort's index finds few matches when they are rare
            // or bunched together (a quarter's tickets are updated in that quarter too), and PostgreSQL cannot know.
            // OFFSET 0 keeps the inner query from being merged into the outer one.
            select = "SELECT * FROM (SELECT " + COLUMNS + from + where + " OFFSET 0) t" + order;
        }
        List<TicketState> rows = db.sql(select)
                .params(params)
                .param("limit", q.page().size())
                .param("offset", q.page().offset())
                .query(TicketRepository::row)
                .list();
        return new Page<>(withTags(rows), total, q.page().page(), q.page().size(), capped);
    }

    /**
     * Up to this many matches, a list sorts them rather than walk its sort's index: so few are likely scattered thin
     * along that index. (At 3,700 of 36,000 open tickets the walk took 1 ms and the sort 90 ms.)
     */
    static final long FILTER_FIRST_UP_TO = 1_000;

    /**
     * Whether to sort the matches rather than walk the sort's index: when they are few (counted exactly), or when a
     * date range of at most three months bounds them.
     */
    private static boolean filterFirst(TicketQuery q, long total, boolean capped) {
        if (!capped && total <= FILTER_FIRST_UP_TO) {
            return total > 0;
        }
        io.rapport.tickets.TicketFilter f = q.filter();
        return f != null && (bounded(f.createdFrom(), f.createdTo()) || bounded(f.updatedFrom(), f.updatedTo()));
    }

    private static boolean bounded(java.time.LocalDate from, java.time.LocalDate to) {
        return from != null && to != null && !to.isAfter(from.plusDays(92));
    }

    /** The column behind a sort such as "-updated"; refused naming the field when there is none. */
    public static String sortColumn(String sort) {
        String column = sort == null ? null : SORTS.get(sort.startsWith("-") ? sort.substring(1) : sort);
        if (column == null) {
            throw new io.rapport.common.InvalidInput(
                    "sort",
                    "must be one of updated, created, priority, status, number, subject, customer, assignee (prefix"
                            + " - for descending)");
        }
        return column;
    }

    /** What a person chose on a list: any of each set's values, and whole UTC days for dates (both ends included). */
    private static void narrow(io.rapport.tickets.TicketFilter f, StringBuilder where, Map<String, Object> params) {
        codes(where, "t.priority", f.priorities());
        codes(where, "t.channel", f.channels());
        codes(where, "t.outcome", f.outcomes());
        if (f.languages() != null && !f.languages().isEmpty()) {
            where.append(" AND t.language IN (:languages)");
            params.put("languages", f.languages());
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM tkt_tag g WHERE g.ticket_id = t.id AND g.tag IN (:tags))");
            params.put("tags", f.tags());
        }
        day(where, params, "t.created_at >= :createdFrom", "createdFrom", f.createdFrom(), 0);
        day(where, params, "t.created_at < :createdTo", "createdTo", f.createdTo(), 1);
        day(where, params, "t.updated_at >= :updatedFrom", "updatedFrom", f.updatedFrom(), 0);
        day(where, params, "t.updated_at < :updatedTo", "updatedTo", f.updatedTo(), 1);
    }

    /** Codes come from enums: inlined as literals, as the status filter is. */
    private static void codes(StringBuilder where, String column, Set<? extends io.rapport.common.Coded> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(values.stream()
                            .map(v -> "'" + v.code() + "'")
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .append(")");
        }
    }

    private static void day(
            StringBuilder where,
            Map<String, Object> params,
            String condition,
            String name,
            java.time.LocalDate day,
            int plusDays) {
        if (day != null) {
            // Inlined, not bound: a date parsed into a LocalDate cannot carry SQL, and with a bound date PostgreSQL's
            // cached generic plan read every ticket (a month's tickets: 120 ms instead of 10 ms).
            String literal = "TIMESTAMP WITH TIME ZONE '" + day.plusDays(plusDays) + " 00:00:00+00'";
            where.append(" AND ").append(condition.replace(":" + name, literal));
        }
    }

    public long[] sharedCounts() {
        return db.sql("""
                        SELECT
                          COALESCE(SUM(CASE WHEN assignee_id IS NULL AND status IN ('new','open') THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN status IN ('new','open') THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN status = 'solved' THEN 1 ELSE 0 END), 0)
                        FROM tkt_ticket WHERE status IN ('new', 'open', 'pending', 'solved')
                        """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
    }

    /** Tickets in play per agent, for the supervisors' load page (served by the assignee index). */
    public Map<Long, Long> activeByAssignee() {
        Map<Long, Long> counts = new HashMap<>();
        db.sql("""
                        SELECT assignee_id, COUNT(*) FROM tkt_ticket
                        WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'pending') GROUP BY assignee_id
                        """).query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    /**
     * Tickets in play per assignee, for these agents only (routing asks for the available ones: an index range per
     * agent, not a scan of every ticket); {@code channel} null counts every channel.
     */
    public Map<Long, Long> activeByAssignee(java.util.Collection<Long> agentIds, io.rapport.tickets.Channel channel) {
        Map<Long, Long> counts = new HashMap<>();
        if (agentIds.isEmpty()) {
            return counts;
        }
        db.sql("SELECT assignee_id, COUNT(*) FROM tkt_ticket"
                        + " WHERE assignee_id IN (:agents) AND status IN ('new', 'open', 'pending')"
                        + (channel == null ? "" : " AND channel = :channel")
                        + " GROUP BY assignee_id")
                .param("agents", agentIds)
                .param("channel", channel == null ? null : channel.code())
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** Unassigned tickets waiting per team (null: no team): how many, and since when the oldest. */
    public record Waiting(Long teamId, long count, java.time.Instant oldest) {}

    public List<Waiting> waitingByTeam() {
        return db.sql("""
                        SELECT team_id, COUNT(*) AS n, MIN(created_at) AS oldest FROM tkt_ticket
                        WHERE assignee_id IS NULL AND status IN ('new', 'open') GROUP BY team_id
                        """)
                .query((rs, n) -> new Waiting(
                        rs.getObject("team_id") == null ? null : rs.getLong("team_id"),
                        rs.getLong("n"),
                        Times.instant(rs, "oldest")))
                .list();
    }

    /** Tickets in play assigned to one agent (served by the assignee index). */
    public long countActiveForAgent(long agentId) {
        return db.sql("SELECT COUNT(*) FROM tkt_ticket WHERE assignee_id = ? AND status IN ('new', 'open', 'pending')")
                .param(agentId)
                .query(Long.class)
                .single();
    }

    /** Tickets in play in the given teams (served by the team index). */
    public long countActiveForTeams(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return 0;
        }
        return db.sql(
                        "SELECT COUNT(*) FROM tkt_ticket WHERE team_id IN (:teams) AND status IN ('new', 'open', 'pending')")
                .param("teams", teamIds)
                .query(Long.class)
                .single();
    }

    /** Per customer: all tickets, the ones still in play, the solved or closed ones. */
    public Map<Long, long[]> countsByCustomer(Collection<Long> customerIds) {
        Map<Long, long[]> result = new HashMap<>();
        db.sql("""
                        SELECT customer_id, COUNT(*),
                          SUM(CASE WHEN status IN ('new','open','pending') THEN 1 ELSE 0 END),
                          SUM(CASE WHEN status IN ('solved','closed') THEN 1 ELSE 0 END)
                        FROM tkt_ticket WHERE customer_id IN (:ids) GROUP BY customer_id
                        """).param("ids", customerIds).query(rs -> {
            result.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return result;
    }

    /** One of a customer's recently solved tickets, as the repeat-contact watch reads it. */
    public record RecentProblem(RepeatWatch.Problem problem, long number, Outcome outcome) {}

    /**
     * The customer's tickets solved or closed since {@code since}, newest first, at most {@code limit}, each with the
     * first thing the customer wrote on it; merged ones and {@code except} left out (ADR 30).
     */
    public List<RecentProblem> recentlySolved(long customerId, java.time.Instant since, long except, int limit) {
        return db.sql("""
                        SELECT t.id, t.number, t.subject, t.language, t.outcome,
                            (SELECT m.body FROM tkt_message m WHERE m.ticket_id = t.id AND m.author_type = 'customer'
                                ORDER BY m.id LIMIT 1) AS first_text
                        FROM tkt_ticket t
                        WHERE t.customer_id = ? AND t.status IN ('solved', 'closed') AND t.merged_into IS NULL
                            AND t.id <> ? AND COALESCE(t.solved_at, t.closed_at) >= ?
                        ORDER BY COALESCE(t.solved_at, t.closed_at) DESC, t.id DESC LIMIT ?
                        """)
                .params(customerId, except, Times.sql(since), limit)
                .query((rs, n) -> new RecentProblem(
                        new RepeatWatch.Problem(
                                rs.getLong("id"),
                                rs.getString("subject"),
                                java.util.Objects.requireNonNullElse(rs.getString("first_text"), ""),
                                rs.getString("language")),
                        rs.getLong("number"),
                        Codes.stored(Outcome.class, rs.getString("outcome"))))
                .list();
    }

    /** The numbers of the tickets that brought this one's problem back, oldest first. */
    public List<Long> repeatNumbersOf(long id) {
        return db.sql("SELECT number FROM tkt_ticket WHERE repeat_of = ? ORDER BY id")
                .param(id)
                .query(Long.class)
                .list();
    }

    /** Links a ticket just opened to the earlier one it repeats. */
    public void linkRepeat(long id, long earlierId) {
        db.sql("UPDATE tkt_ticket SET repeat_of = ? WHERE id = ?")
                .params(earlierId, id)
                .update();
    }

    /**
     * The earlier ticket's problem came back: its outcome becomes repeat_contact, whatever it was. False when it
     * already was. Its version moves on, so an agent holding the ticket open is told it changed.
     */
    public boolean markRepeatContact(long id) {
        return db.sql("""
                        UPDATE tkt_ticket SET outcome = 'repeat_contact', version = version + 1
                        WHERE id = ? AND outcome <> 'repeat_contact'
                        """).param(id).update() == 1;
    }

    /**
     * An agent undid the last link to this earlier ticket: its outcome goes back to what it was before the watch
     * changed it, unless another ticket still repeats it or someone has set the outcome since. True when it changed.
     */
    public boolean restoreOutcomeAfterRepeat(long id, Outcome before) {
        return db.sql("""
                        UPDATE tkt_ticket SET outcome = ?, version = version + 1
                        WHERE id = ? AND outcome = 'repeat_contact'
                            AND NOT EXISTS (SELECT 1 FROM tkt_ticket r WHERE r.repeat_of = ?)
                        """).params(before.code(), id, id).update() == 1;
    }

    /** Solved tickets whose customer has not answered since the cutoff. */
    public List<Long> solvedBefore(java.time.Instant cutoff, int limit) {
        return db.sql("SELECT id FROM tkt_ticket WHERE status = 'solved' AND solved_at < ? ORDER BY solved_at LIMIT ?")
                .params(Times.sql(cutoff), limit)
                .query(Long.class)
                .list();
    }

    public Map<Long, Set<String>> tagsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<String>> tags = new LinkedHashMap<>();
        db.sql("SELECT ticket_id, tag FROM tkt_tag WHERE ticket_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                });
        return tags;
    }

    private static TicketState row(ResultSet rs, int n) throws SQLException {
        return new TicketState(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                Codes.stored(TicketStatus.class, rs.getString("status")),
                Codes.stored(Outcome.class, rs.getString("outcome")),
                Codes.stored(Priority.class, rs.getString("priority")),
                Codes.stored(Channel.class, rs.getString("channel")),
                rs.getLong("customer_id"),
                nullableLong(rs, "assignee_id"),
                nullableLong(rs, "team_id"),
                rs.getString("language"),
                nullableLong(rs, "repeat_of"),
                nullableLong(rs, "merged_into"),
                new TreeSet<>(),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"),
                Times.instant(rs, "solved_at"),
                Times.instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    /** Rows first, then the tags of all of them in one query. */
    /** Many tickets by id, with their tags (in no particular order; unknown ids are left out). */
    public List<TicketState> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(db.sql("SELECT " + COLUMNS + " FROM tkt_ticket t WHERE t.id IN (:ids)")
                .param("ids", ids)
                .query(TicketRepository::row)
                .list());
    }

    public long count() {
        return db.sql("SELECT COUNT(*) FROM tkt_ticket").query(Long.class).single();
    }

    /**
     * The {@code span} tickets below {@code beforeId}, newest first, read along the primary key (on H2 a status
     * condition would send the query through the status index and a sort of every solved ticket): the solved and
     * closed ones that are not merged, and the lowest id read, 0 when there is none below.
     */
    public io.rapport.tickets.Tickets.SolvedWindow solvedBelow(long beforeId, int span) {
        List<Long> solved = new java.util.ArrayList<>();
        long[] lowest = {0};
        db.sql("SELECT id, status, merged_into FROM tkt_ticket WHERE id < ? ORDER BY id DESC LIMIT ?")
                .params(beforeId, span)
                .query(rs -> {
                    long id = rs.getLong(1);
                    lowest[0] = id;
                    String status = rs.getString(2);
                    rs.getLong(3);
                    if (rs.wasNull() && ("solved".equals(status) || "closed".equals(status))) {
                        solved.add(id);
                    }
                });
        return new io.rapport.tickets.Tickets.SolvedWindow(solved, lowest[0]);
    }

    /** How many solved and closed tickets (not merged) have an id below {@code beforeId}. */
    public long countSolvedBefore(long beforeId) {
        return db.sql(
                        "SELECT COUNT(*) FROM tkt_ticket WHERE id < ? AND status IN ('solved', 'closed') AND merged_into IS NULL")
                .param(beforeId)
                .query(Long.class)
                .single();
    }

    /** The highest ticket id, 0 when there is none. */
    public long lastId() {
        return db.sql("SELECT COALESCE(MAX(id), 0) FROM tkt_ticket")
                .query(Long.class)
                .single();
    }

    /** Ticket ids above {@code afterId}, in order: for reading every ticket page by page. */
    public List<Long> idsAfter(long afterId, int limit) {
        return db.sql("SELECT id FROM tkt_ticket WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(Long.class)
                .list();
    }

    /** A customer's ticket ids, newest first. */
    public List<Long> idsOfCustomer(long customerId, int limit) {
        return db.sql("SELECT id FROM tkt_ticket WHERE customer_id = ? ORDER BY id DESC LIMIT ?")
                .params(customerId, limit)
                .query(Long.class)
                .list();
    }

    private List<TicketState> withTags(List<TicketState> rows) {
        Map<Long, Set<String>> tags = tagsOf(rows.stream().map(TicketState::id).toList());
        return rows.stream()
                .map(r -> tags.containsKey(r.id()) ? r.withTags(tags.get(r.id())) : r)
                .toList();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
