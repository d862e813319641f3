package io.rapport.tickets;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.common.InvalidInput;
import io.rapport.common.Times;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Did tickets reach the right person first (issue 9, point 4)? For the tickets solved in a period: how many the first
 * person they were given to solved ("right first time"), how many were escalated and over how many hops. Grouped by
 * team, by the agent who solved them or by channel. A ticket solved without anyone assigned counts as solved, not as
 * right first time.
 */
@Service
public class HandoffReport {

    public static final Set<String> GROUPS = Set.of("team", "agent", "channel");

    /** One group's figures. {@code key} names the group (a team's or agent's name, a channel; "none" for no team). */
    public record Row(
            @NotNull String key,
            @NotNull long solved,
            @NotNull long rightFirstTime,
            @NotNull double rightFirstTimeRate,
            @NotNull long escalated,
            @NotNull long hops,
            @NotNull double averageHops) {}

    private record Solved(long id, Long teamId, String channel, Long assigneeId, String firstAssignee, long hops) {

        boolean rightFirstTime() {
            return assigneeId != null && String.valueOf(assigneeId).equals(firstAssignee);
        }
    }

    private final JdbcClient db;
    private final Teams teams;
    private final Agents agents;

    HandoffReport(JdbcClient db, Teams teams, Agents agents) {
        this.db = db;
        this.teams = teams;
        this.agents = agents;
    }

    @Transactional(readOnly = true)
    public List<Row> rows(Instant from, Instant to, String groupBy) {
        String group = groupBy == null ? "team" : groupBy;
        if (!GROUPS.contains(group)) {
            throw new InvalidInput("groupBy", "must be team, agent or channel");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInput("from", "must be before to");
        }
        List<Solved> solved = db.sql("""
                        SELECT t.id, t.team_id, t.channel, t.assignee_id,
                            (SELECT a.after_value FROM tkt_audit_event a
                             WHERE a.ticket_id = t.id AND a.field = 'assignee' AND a.after_value IS NOT NULL
                             ORDER BY a.id LIMIT 1) AS first_assignee,
                            (SELECT COUNT(*) FROM tkt_escalation e WHERE e.ticket_id = t.id) AS hops
                        FROM tkt_ticket t
                        WHERE t.status IN ('solved', 'closed') AND t.solved_at >= ? AND t.solved_at < ?
                            AND t.merged_into IS NULL
                        """)
                .params(Times.sql(from), Times.sql(to))
                .query((rs, n) -> new Solved(
                        rs.getLong("id"),
                        (Long) rs.getObject("team_id", Long.class),
                        rs.getString("channel"),
                        (Long) rs.getObject("assignee_id", Long.class),
                        rs.getString("first_assignee"),
                        rs.getLong("hops")))
                .list();
        Map<Long, String> teamNames = teams.list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
        Map<Long, String> agentNames = agents.list().stream().collect(Collectors.toMap(AgentView::id, AgentView::name));
        Function<Solved, String> key = switch (group) {
            case "agent" ->
                s -> s.assigneeId() == null ? "none" : agentNames.getOrDefault(s.assigneeId(), "#" + s.assigneeId());
            case "channel" -> Solved::channel;
            default -> s -> s.teamId() == null ? "none" : teamNames.getOrDefault(s.teamId(), "#" + s.teamId());
        };
        Map<String, List<Solved>> grouped = new LinkedHashMap<>();
        solved.forEach(s ->
                grouped.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        List<Row> rows = new ArrayList<>();
        grouped.forEach((k, list) -> {
            long right = list.stream().filter(Solved::rightFirstTime).count();
            long escalated = list.stream().filter(s -> s.hops() > 0).count();
            long hops = list.stream().mapToLong(Solved::hops).sum();
            rows.add(new Row(
                    k,
                    list.size(),
                    right,
                    Math.round(1000.0 * right / list.size()) / 1000.0,
                    escalated,
                    hops,
                    Math.round(100.0 * hops / list.size()) / 100.0));
        });
        rows.sort(java.util.Comparator.comparing(Row::key));
        return rows;
    }
}
