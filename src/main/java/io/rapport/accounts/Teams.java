package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.accounts.internal.TeamRepository;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of agents that tickets can be routed to: created, renamed, deactivated and staffed by admins, each change in
 * the audit log. An inactive team keeps its tickets and members but is offered for no new ticket.
 */
@Service
public class Teams {

    private final TeamRepository teams;
    private final AgentRepository agents;
    private final AccountAudit audit;
    private final Clock clock;

    Teams(TeamRepository teams, AgentRepository agents, AccountAudit audit, Clock clock) {
        this.teams = teams;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TeamView create(String name, Actor by) {
        String checked = checkName(name, null);
        Instant now = Times.now(clock);
        long id = teams.insert(checked, now);
        audit.record(by, "created", "team", id, null, null, checked, now);
        return get(id);
    }

    /** Changes what is given (null: left as it is), all or nothing. */
    @Transactional
    public TeamView change(long id, String name, Boolean active, Boolean replyAssigns, Actor by) {
        get(id);
        if (name != null) {
            rename(id, name, by);
        }
        if (active != null) {
            setActive(id, active, by);
        }
        if (replyAssigns != null) {
            setReplyAssigns(id, replyAssigns, by);
        }
        return get(id);
    }

    /** Renames the team; its tickets, members and settings stay. */
    @Transactional
    public TeamView rename(long id, String name, Actor by) {
        TeamView team = get(id);
        String checked = checkName(name, id);
        if (!checked.equals(team.name())) {
            teams.rename(id, checked);
            audit.record(by, "changed", "team", id, "name", team.name(), checked, Times.now(clock));
        }
        return get(id);
    }

    /** Deactivates or reactivates the team: inactive, it takes no new tickets, and keeps what it has. */
    @Transactional
    public TeamView setActive(long id, boolean active, Actor by) {
        TeamView team = get(id);
        if (team.active() != active) {
            teams.setActive(id, active);
            audit.record(
                    by, active ? "activated" : "deactivated", "team", id, null, null, team.name(), Times.now(clock));
        }
        return get(id);
    }

    @Transactional
    public TeamView setReplyAssigns(long id, boolean on, Actor by) {
        TeamView team = get(id);
        if (team.replyAssigns() != on) {
            teams.setReplyAssigns(id, on);
            audit.record(
                    by,
                    "changed",
                    "team",
                    id,
                    "replyAssigns",
                    String.valueOf(team.replyAssigns()),
                    String.valueOf(on),
                    Times.now(clock));
        }
        return get(id);
    }

    /** Adds an agent to the team (nothing happens if they are in it already). */
    @Transactional
    public TeamView addMember(long id, long agentId, Actor by) {
        TeamView team = get(id);
        AgentView agent = agents.find(agentId).orElseThrow(() -> new InvalidInput("agentId", "agent does not exist"));
        if (teams.addMember(id, agentId)) {
            audit.record(by, "member added", "team", id, "members", null, agent.name(), Times.now(clock));
        }
        return get(team.id());
    }

    /** Takes an agent out of the team (nothing happens if they were not in it). */
    @Transactional
    public TeamView removeMember(long id, long agentId, Actor by) {
        get(id);
        AgentView agent = agents.find(agentId).orElseThrow(() -> new InvalidInput("agentId", "agent does not exist"));
        if (teams.removeMember(id, agentId)) {
            audit.record(by, "member removed", "team", id, "members", agent.name(), null, Times.now(clock));
        }
        return get(id);
    }

    /** The team's members, by name. */
    @Transactional(readOnly = true)
    public List<AgentView> members(long id) {
        get(id);
        return agents.findAll().stream().filter(a -> a.teamIds().contains(id)).toList();
    }

    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return teams.findAll();
    }

    /** The teams a ticket can be given to now, plus {@code keep} (a ticket's current team) if it has one. */
    @Transactional(readOnly = true)
    public List<TeamView> offered(Long keep) {
        return teams.findAll().stream()
                .filter(t -> t.active() || Objects.equals(t.id(), keep))
                .toList();
    }

    @Transactional(readOnly = true)
    public TeamView get(long id) {
        return teams.find(id).orElseThrow(() -> NotFound.of("team", id));
    }

    /** Whether an agent's reply on an unassigned ticket of this team assigns it to them (no team: yes). */
    @Transactional(readOnly = true)
    public boolean replyAssigns(Long teamId) {
        return teamId == null || teams.find(teamId).map(TeamView::replyAssigns).orElse(true);
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return teams.exists(id);
    }

    /** Whether a ticket may be given to the team now: it exists and is active. */
    @Transactional(readOnly = true)
    public boolean takesTickets(long id) {
        return teams.isActive(id);
    }

    void requireAll(Collection<Long> ids) {
        for (Long id : ids) {
            if (id == null || !teams.exists(id)) {
                throw new InvalidInput("teamIds", "team " + id + " does not exist");
            }
        }
    }

    private String checkName(String name, Long except) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        String trimmed = name.strip();
        if (teams.nameTaken(trimmed, except)) {
            throw new Conflict("team.exists", "a team named " + trimmed + " already exists", trimmed);
        }
        return trimmed;
    }
}
