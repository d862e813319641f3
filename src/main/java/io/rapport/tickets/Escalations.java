package io.rapport.tickets;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Teams;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing a ticket on (issue 9, point 4): to a higher tier (it leaves its agent and waits for someone of that tier), to
 * a named specialist (assigned to them) or to a team (moved there, unassigned). A handoff note is required: it becomes
 * an internal note, and the ticket page shows the latest one to whoever opens it next, above the conversation. Every
 * escalation is kept, so reports count hops per ticket and whether the first assignee solved it.
 */
@Service
public class Escalations {

    static final int MAX_NOTE = 10_000;

    private final Tickets tickets;
    private final Agents agents;
    private final Teams teams;
    private final JdbcClient db;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Escalations(
            Tickets tickets,
            Agents agents,
            Teams teams,
            JdbcClient db,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.tickets = tickets;
        this.agents = agents;
        this.teams = teams;
        this.db = db;
        this.clock = clock;
    }

    /** Hands the ticket on to exactly one of a tier (2 or 3), an agent or a team, with a note. */
    @Transactional
    public Escalation escalate(long ticketId, Integer toTier, Long toAgentId, Long toTeamId, String note, Author by) {
        TicketView ticket = tickets.summary(ticketId);
        int targets = (toTier == null ? 0 : 1) + (toAgentId == null ? 0 : 1) + (toTeamId == null ? 0 : 1);
        if (targets != 1) {
            throw new InvalidInput("to", "name exactly one of toTier, toAgentId and toTeamId");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInput("note", "is required: say what was tried and what is needed");
        }
        String handoff = note.strip().replace("\r\n", "\n");
        if (handoff.length() > MAX_NOTE) {
            throw new InvalidInput("note", "must have at most " + MAX_NOTE + " characters");
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new InvalidInput("ticketId", "a closed ticket is not handed on");
        }
        String to;
        ChangeTicket change;
        if (toTier != null) {
            if (toTier < 2 || toTier > 3) {
                throw new InvalidInput("toTier", "is 2 or 3");
            }
            to = "tier " + toTier;
            change = new ChangeTicket(null, Optional.empty(), null, null, null, null);
        } else if (toAgentId != null) {
            AgentView agent = agents.find(toAgentId)
                    .filter(AgentView::active)
                    .orElseThrow(() -> new InvalidInput("toAgentId", "no active agent with id " + toAgentId));
            to = agent.name();
            change = new ChangeTicket(null, Optional.of(toAgentId), null, null, null, null);
        } else {
            if (!teams.takesTickets(toTeamId)) {
                throw new InvalidInput("toTeamId", "no active team with id " + toTeamId);
            }
            to = teams.get(toTeamId).name();
            change = new ChangeTicket(null, Optional.empty(), Optional.of(toTeamId), null, null, null);
        }
        if (ticket.assigneeId() != null || change.assigneeId().isPresent() || change.teamId() != null) {
            tickets.change(ticketId, change, by);
        }
        tickets.addMessage(
                ticketId,
                new AddMessage(
                        "Handed on to " + to + ":\n" + handoff, null, Visibility.INTERNAL, Channel.WEB, by, List.of()));
        Instant now = Times.now(clock);
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_escalation (ticket_id, by_agent_id, by_name, from_agent_id, to_tier, to_agent_id,
                            to_team_id, note, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        ticketId,
                        by.id(),
                        by.name(),
                        ticket.assigneeId(),
                        toTier,
                        toAgentId,
                        toTeamId,
                        handoff,
                        Times.sql(now))
                .update(keys, "id");
        events.publishEvent(new TicketEscalated(ticketId, toTier, toAgentId, toTeamId));
        return list(ticketId).getLast();
    }

    /** The ticket's escalations, first to last (their number is its hop count). */
    @Transactional(readOnly = true)
    public List<Escalation> list(long ticketId) {
        if (!tickets.exists(ticketId)) {
            throw NotFound.of("ticket", ticketId);
        }
        List<Escalation> rows = db.sql("""
                        SELECT id, ticket_id, by_name, from_agent_id, to_tier, to_agent_id, to_team_id, note, created_at
                        FROM tkt_escalation WHERE ticket_id = ? ORDER BY id
                        """)
                .param(ticketId)
                .query((rs, n) -> new Escalation(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        n + 1,
                        rs.getString("by_name"),
                        (Long) rs.getObject("from_agent_id", Long.class),
                        (Integer) rs.getObject("to_tier", Integer.class),
                        (Long) rs.getObject("to_agent_id", Long.class),
                        (Long) rs.getObject("to_team_id", Long.class),
                        rs.getString("note"),
                        Times.instant(rs, "created_at")))
                .list();
        return rows;
    }
}
