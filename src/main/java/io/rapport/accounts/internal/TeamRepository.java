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
            SELECT t.id, t.name, t.created_at, t.reply_assigns,
                   (SELECT COUNT(*) FROM acc_agent_team m WHERE m.team_id = t.id) AS members
            FROM acc_team t
            """;

    private final JdbcClient db;

    TeamRepository(JdbcClient db) {
        this.db = db;
    }

    public boolean nameTaken(String name) {
        return db.sql("SELECT COUNT(*) FROM acc_team WHERE LOWER(name) = LOWER(?)")
                        .param(name)
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
                rs.getBoolean("reply_assigns"));
    }
}
