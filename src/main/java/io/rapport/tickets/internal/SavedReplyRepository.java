package io.rapport.tickets.internal;

import io.rapport.common.Codes;
import io.rapport.common.Times;
import io.rapport.tickets.NewSavedReply;
import io.rapport.tickets.SavedReply;
import io.rapport.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Saved replies and their language variants in SQL (ADR 28). */
@Repository
public class SavedReplyRepository {

    private final JdbcClient db;

    SavedReplyRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(NewSavedReply r, long ownerId, boolean shared, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO tkt_saved_reply (title, body, owner_id, shared, status_after, tags, version,
                                                     created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
                        """)
                .params(
                        r.title(),
                        r.body(),
                        ownerId,
                        shared,
                        Codes.of(r.status()),
                        String.join(",", r.tags()),
                        Times.sql(now),
                        Times.sql(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        setVariants(id, r.variants());
        return id;
    }

    /** False when the reply is no longer at {@code fromVersion}. */
    public boolean update(long id, int fromVersion, NewSavedReply r, boolean shared, Instant now) {
        int changed = db.sql("""
                        UPDATE tkt_saved_reply SET title = ?, body = ?, shared = ?, status_after = ?, tags = ?,
                               version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ?
                        """)
                .params(
                        r.title(),
                        r.body(),
                        shared,
                        Codes.of(r.status()),
                        String.join(",", r.tags()),
                        Times.sql(now),
                        id,
                        fromVersion)
                .update();
        if (changed == 0) {
            return false;
        }
        setVariants(id, r.variants());
        return true;
    }

    public void delete(long id) {
        db.sql("DELETE FROM tkt_saved_reply_variant WHERE saved_reply_id = ?")
                .param(id)
                .update();
        db.sql("DELETE FROM tkt_saved_reply WHERE id = ?").param(id).update();
    }

    private void setVariants(long id, Map<String, String> variants) {
        db.sql("DELETE FROM tkt_saved_reply_variant WHERE saved_reply_id = ?")
                .param(id)
                .update();
        variants.forEach((language, body) -> db.sql(
                        "INSERT INTO tkt_saved_reply_variant (saved_reply_id, language, body) VALUES (?, ?, ?)")
                .params(id, language, body)
                .update());
    }

    public Optional<SavedReply> find(long id) {
        return withVariants(db.sql("SELECT * FROM tkt_saved_reply WHERE id = ?")
                        .param(id)
                        .query(SavedReplyRepository::reply)
                        .list())
                .stream()
                .findFirst();
    }

    /** An agent's own saved replies and the shared ones, by title. */
    public List<SavedReply> usableBy(long agentId) {
        return withVariants(
                db.sql("SELECT * FROM tkt_saved_reply WHERE owner_id = ? OR shared ORDER BY LOWER(title), id")
                        .param(agentId)
                        .query(SavedReplyRepository::reply)
                        .list());
    }

    private List<SavedReply> withVariants(List<SavedReply> replies) {
        if (replies.isEmpty()) {
            return replies;
        }
        Map<Long, Map<String, String>> variants = new HashMap<>();
        db.sql("SELECT saved_reply_id, language, body FROM tkt_saved_reply_variant WHERE saved_reply_id IN (:ids)")
                .param("ids", replies.stream().map(SavedReply::id).toList())
                .query(rs -> {
                    variants.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        return replies.stream()
                .map(r -> new SavedReply(
                        r.id(),
                        r.title(),
                        r.body(),
                        Map.copyOf(variants.getOrDefault(r.id(), Map.of())),
                        r.ownerId(),
                        r.shared(),
                        r.status(),
                        r.tags(),
                        r.version(),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
    }

    private static SavedReply reply(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        return new SavedReply(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("body"),
                Map.of(),
                rs.getLong("owner_id"),
                rs.getBoolean("shared"),
                Codes.stored(TicketStatus.class, rs.getString("status_after")),
                tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")),
                rs.getInt("version"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"));
    }
}
