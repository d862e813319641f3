package io.rapport.tickets.internal;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The views agents saved from filtered lists (tkt_saved_view): their own, and those shared with everyone. */
@Component
public class SavedViewRepository {

    /** A saved view: which list it starts from, its filter and sort, and whose it is. */
    public record SavedView(
            long id, String name, long ownerId, boolean shared, String baseView, String filter, String sort) {}

    private final JdbcClient db;

    SavedViewRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(
            String name, long ownerId, boolean shared, String baseView, String filter, String sort, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_saved_view (name, owner_id, shared, base_view, filter, sort, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(name, ownerId, shared, baseView, filter, sort, Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The agent's own views and everyone's shared ones, by name. */
    public List<SavedView> visibleTo(long agentId) {
        return db.sql("""
                        SELECT id, name, owner_id, shared, base_view, filter, sort FROM tkt_saved_view
                        WHERE owner_id = ? OR shared = TRUE ORDER BY LOWER(name), id
                        """).param(agentId).query(SavedViewRepository::row).list();
    }

    public Optional<SavedView> find(long id) {
        return db.sql("SELECT id, name, owner_id, shared, base_view, filter, sort FROM tkt_saved_view WHERE id = ?")
                .param(id)
                .query(SavedViewRepository::row)
                .optional();
    }

    public void delete(long id) {
        db.sql("DELETE FROM tkt_saved_view WHERE id = ?").param(id).update();
    }

    private static SavedView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SavedView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("owner_id"),
                rs.getBoolean("shared"),
                rs.getString("base_view"),
                rs.getString("filter"),
                rs.getString("sort"));
    }
}
