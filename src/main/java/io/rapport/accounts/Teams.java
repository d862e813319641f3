package io.rapport.accounts;

import io.rapport.accounts.internal.TeamRepository;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of agents that tickets can be routed to. */
@Service
public class Teams {

    private final TeamRepository teams;
    private final Clock clock;

    Teams(TeamRepository teams, Clock clock) {
        this.teams = teams;
        this.clock = clock;
    }

    @Transactional
    public TeamView create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        String trimmed = name.strip();
        if (teams.nameTaken(trimmed)) {
            throw new Conflict("team.exists", "a team named " + trimmed + " already exists", trimmed);
        }
        return get(teams.insert(trimmed, Times.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return teams.findAll();
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

    @Transactional
    public TeamView setReplyAssigns(long id, boolean on) {
        get(id);
        teams.setReplyAssigns(id, on);
        return get(id);
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return teams.exists(id);
    }

    void requireAll(Collection<Long> ids) {
        for (Long id : ids) {
            if (id == null || !teams.exists(id)) {
                throw new InvalidInput("teamIds", "team " + id + " does not exist");
            }
        }
    }
}
