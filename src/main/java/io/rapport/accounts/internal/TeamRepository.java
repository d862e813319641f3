package io.rapport.accounts.internal;

import io.rapport.accounts.TeamView;
import io.rapport.common.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Teams in acc_team, with their member counts from acc_agent_team. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class TeamRepository {

    private static final String SELECT = """
            SELECT t.id, t.name, t.created_at, t.reply_assigns, t.active,
                   (SELECT COUNT(*) FROM acc_agent_team m WHERE m.team_id = t.id) AS members
            FROM acc_team t
            """;

    private final JdbcClient db;

    TeamRepository(JdbcClient db) {
        this.db = db;
    }

    /** Whether another team than {@code except} (null: any) has this name, whatever its case. */
    public boolean nameTaken(String name, Long except) {
        return db.sql("SELECT COUNT(*) FROM acc_team WHERE LOWER(name) = LOWER(?) AND id <> ?")
                        .params(name, except == null ? -1L : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(String name, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("INSERT INTO acc_team (name, created_at) VALUES (?, ?)")
                .params(name, Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<TeamView> findAll() {
        return db.sql(SELECT + " ORDER BY t.name").query(TeamRepository::view).list();
    }

    public Optional<TeamView> find(long id) {
        return db.sql(SELECT + " WHERE t.id = ?")
                .param(id)
                .query(TeamRepository::view)
                .optional();
    }

    public void setReplyAssigns(long id, boolean on) {
        db.sql("UPDATE acc_team SET reply_assigns = ? WHERE id = ?")
                .params(on, id)
                .update();
    }

    public void rename(long id, String name) {
        db.sql("UPDATE acc_team SET name = ? WHERE id = ?").params(name, id).update();
    }

    public void setActive(long id, boolean active) {
        db.sql("UPDATE acc_team SET active = ? WHERE id = ?").params(active, id).update();
    }

    /** Adds the agent to the team; false when they were in it already. */
    public boolean addMember(long teamId, long agentId) {
        return db.sql("INSERT INTO acc_agent_team (agent_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(agentId, teamId)
                        .update()
                == 1;
    }

    /** Takes the agent out of the team; false when they were not in it. */
    public boolean removeMember(long teamId, long agentId) {
        return db.sql("DELETE FROM acc_agent_team WHERE agent_id = ? AND team_id = ?")
                        .params(agentId, teamId)
                        .update()
                == 1;
    }

    public boolean isActive(long id) {
        return db.sql("SELECT COUNT(*) FROM acc_team WHERE id = ? AND active")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean exists(long id) {
        return db.sql("SELECT COUNT(*) FROM acc_team WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static TeamView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TeamView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getInt("members"),
                Times.instant(rs, "created_at"),
                rs.getBoolean("reply_assigns"),
                rs.getBoolean("active"));
    }
}
