package io.rapport.accounts;

import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of agents. Small and rarely changed, so plain SQL here is all it needs. */
@Service
public class Teams {

    private final JdbcClient db;
    private final Clock clock;

    Teams(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public TeamView create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        String trimmed = name.strip();
        if (db.sql("SELECT COUNT(*) FROM acc_team WHERE LOWER(name) = LOWER(?)")
                        .param(trimmed)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new Conflict("a team named " + trimmed + " already exists");
        }
        db.sql("INSERT INTO acc_team (name, created_at) VALUES (?, ?)")
                .params(trimmed, Times.sql(Times.now(clock)))
                .update();
        return list().stream().filter(t -> t.name().equals(trimmed)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return db.sql("""
                        SELECT t.id, t.name, t.created_at,
                               (SELECT COUNT(*) FROM acc_agent_team m WHERE m.team_id = t.id) AS members
                        FROM acc_team t ORDER BY t.name
                        """)
                .query((rs, n) -> new TeamView(
                        rs.getLong("id"), rs.getString("name"), rs.getInt("members"), Times.instant(rs, "created_at")))
                .list();
    }

    @Transactional(readOnly = true)
    public TeamView get(long id) {
        return list().stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> NotFound.of("team", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return db.sql("SELECT COUNT(*) FROM acc_team WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void requireAll(Collection<Long> ids) {
        for (Long id : ids) {
            if (id == null
                    || db.sql("SELECT COUNT(*) FROM acc_team WHERE id = ?")
                                    .param(id)
                                    .query(Long.class)
                                    .single()
                            == 0) {
                throw new InvalidInput("teamIds", "team " + id + " does not exist");
            }
        }
    }
}
