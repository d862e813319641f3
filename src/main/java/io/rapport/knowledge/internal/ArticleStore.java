package io.rapport.knowledge.internal;

import io.rapport.common.Codes;
import io.rapport.common.Times;
import io.rapport.knowledge.Article;
import io.rapport.knowledge.ArticleCategory;
import io.rapport.knowledge.ArticleFeedback;
import io.rapport.knowledge.ArticleVersion;
import io.rapport.knowledge.ArticleVisibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Articles, their versions, tags, categories and feedback in SQL (ADR 27). */
@Repository
public class ArticleStore {

    /** An article's row as written: the service decides the values, this class only stores them. */
    public record Row(
            long familyId,
            String language,
            ArticleVisibility visibility,
            Long categoryId,
            String title,
            String slug,
            String bodyHtml,
            String bodyText,
            List<String> tags) {}

    /** An article as the index needs it: its text besides what the pages show. */
    public record Indexed(Article article, String bodyText) {}

    private static final String SELECT = """
            SELECT a.id, a.family_id, a.language, a.visibility, a.category_id, a.title, a.slug, a.body_html,
                   a.body_text, a.version, a.archived, a.created_by, a.created_at, a.updated_by, a.updated_at,
                   (SELECT COUNT(*) FROM kn_article_feedback f WHERE f.article_id = a.id AND f.helpful) AS helpful,
                   (SELECT COUNT(*) FROM kn_article_feedback f WHERE f.article_id = a.id AND NOT f.helpful)
                       AS not_helpful
            FROM kn_article a
            """;

    private final JdbcClient db;

    ArticleStore(JdbcClient db) {
        this.db = db;
    }

    public long insert(Row row, Long by, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO kn_article (family_id, language, visibility, category_id, title, slug, body_html,
                                                body_text, version, created_by, created_at, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                        """)
                .params(
                        row.familyId(),
                        row.language(),
                        row.visibility().code(),
                        row.categoryId(),
                        row.title(),
                        row.slug(),
                        row.bodyHtml(),
                        row.bodyText(),
                        by,
                        Times.sql(now),
                        by,
                        Times.sql(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (row.familyId() == 0) {
            db.sql("UPDATE kn_article SET family_id = id WHERE id = ?")
                    .param(id)
                    .update();
        }
        setTags(id, row.tags());
        addVersion(id, 1, row, by, now);
        return id;
    }

    /** Saves a new state if the article is still at {@code fromVersion}; false when someone saved in between. */
    public boolean update(long id, int fromVersion, Row row, Long by, Instant now) {
        int changed = db.sql("""
                        UPDATE kn_article SET language = ?, visibility = ?, category_id = ?, title = ?, slug = ?,
                               body_html = ?, body_text = ?, version = version + 1, updated_by = ?, updated_at = ?
                        WHERE id = ? AND version = ?
                        """)
                .params(
                        row.language(),
                        row.visibility().code(),
                        row.categoryId(),
                        row.title(),
                        row.slug(),
                        row.bodyHtml(),
                        row.bodyText(),
                        by,
                        Times.sql(now),
                        id,
                        fromVersion)
                .update();
        if (changed == 0) {
            return false;
        }
        setTags(id, row.tags());
        addVersion(id, fromVersion + 1, row, by, now);
        return true;
    }

    public boolean setArchived(long id, boolean archived, Long by, Instant now) {
        return db.sql("UPDATE kn_article SET archived = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                        .params(archived, by, Times.sql(now), id)
                        .update()
                > 0;
    }

    private void setTags(long id, List<String> tags) {
        db.sql("DELETE FROM kn_article_tag WHERE article_id = ?").param(id).update();
        for (String tag : tags) {
            db.sql("INSERT INTO kn_article_tag (article_id, tag) VALUES (?, ?)")
                    .params(id, tag)
                    .update();
        }
    }

    private void addVersion(long id, int version, Row row, Long by, Instant now) {
        db.sql("""
                        INSERT INTO kn_article_version (article_id, version, title, body_html, visibility,
                                                        category_id, tags, author_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        version,
                        row.title(),
                        row.bodyHtml(),
                        row.visibility().code(),
                        row.categoryId(),
                        String.join(",", row.tags()),
                        by,
                        Times.sql(now))
                .update();
    }

    public Optional<Article> find(long id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    public List<Article> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(db.sql(SELECT + " WHERE a.id IN (:ids) ORDER BY a.id")
                .param("ids", ids)
                .query(ArticleStore::article)
                .list());
    }

    /** These articles with their plain text, for the index; ids that are gone are left out. */
    public List<Indexed> indexed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = new HashMap<>();
        db.sql("SELECT id, body_text FROM kn_article WHERE id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    texts.put(rs.getLong(1), rs.getString(2));
                });
        return findAll(ids).stream()
                .map(a -> new Indexed(a, texts.getOrDefault(a.id(), "")))
                .toList();
    }

    public List<Long> idsAfter(long afterId, int limit) {
        return db.sql("SELECT id FROM kn_article WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(Long.class)
                .list();
    }

    public long count() {
        return db.sql("SELECT COUNT(*) FROM kn_article").query(Long.class).single();
    }

    /** Which articles a list shows: filters that are null are not applied; archived ones only when asked for. */
    public record Filter(String language, ArticleVisibility visibility, Long categoryId, String tag, boolean archived) {

        private String where(Map<String, Object> params) {
            StringBuilder where = new StringBuilder(" WHERE a.archived = :archived");
            params.put("archived", archived);
            if (language != null) {
                where.append(" AND a.language = :language");
                params.put("language", language);
            }
            if (visibility != null) {
                where.append(" AND a.visibility = :visibility");
                params.put("visibility", visibility.code());
            }
            if (categoryId != null) {
                where.append(" AND a.category_id = :category");
                params.put("category", categoryId);
            }
            if (tag != null) {
                where.append(" AND EXISTS (SELECT 1 FROM kn_article_tag t WHERE t.article_id = a.id AND t.tag = :tag)");
                params.put("tag", tag);
            }
            return where.toString();
        }
    }

    public List<Article> list(Filter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        params.put("limit", limit);
        params.put("offset", offset);
        return withTags(db.sql(SELECT + where + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(ArticleStore::article)
                .list());
    }

    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        return db.sql("SELECT COUNT(*) FROM kn_article a" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The variants of one article, oldest first. */
    public List<Article> family(long familyId) {
        return withTags(db.sql(SELECT + " WHERE a.family_id = ? ORDER BY a.id")
                .param(familyId)
                .query(ArticleStore::article)
                .list());
    }

    /** Every public, current article (the help center's whole catalogue; a desk's is thousands at most). */
    public List<Article> allPublic() {
        return withTags(db.sql(SELECT + " WHERE a.visibility = 'public' AND NOT a.archived ORDER BY a.title, a.id")
                .query(ArticleStore::article)
                .list());
    }

    public List<ArticleVersion> versions(long id) {
        return db.sql("""
                        SELECT v.article_id, v.version, v.title, v.body_html, v.visibility, v.category_id, v.tags,
                               v.author_id, v.created_at
                        FROM kn_article_version v
                        WHERE v.article_id = ? ORDER BY v.version DESC
                        """).param(id).query(ArticleStore::version).list();
    }

    public Optional<ArticleVersion> version(long id, int version) {
        return db.sql("""
                        SELECT v.article_id, v.version, v.title, v.body_html, v.visibility, v.category_id, v.tags,
                               v.author_id, v.created_at
                        FROM kn_article_version v
                        WHERE v.article_id = ? AND v.version = ?
                        """).params(id, version).query(ArticleStore::version).optional();
    }

    /** A reader's answer; a second answer from the same reader replaces the first. */
    public void feedback(long articleId, String reader, boolean helpful, String comment, Instant now) {
        int changed = db.sql("""
                        UPDATE kn_article_feedback SET helpful = ?, comment = ?, created_at = ?
                        WHERE article_id = ? AND reader = ?
                        """)
                .params(helpful, comment, Times.sql(now), articleId, reader)
                .update();
        if (changed == 0) {
            db.sql("""
                            INSERT INTO kn_article_feedback (article_id, reader, helpful, comment, created_at)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                            """)
                    .params(articleId, reader, helpful, comment, Times.sql(now))
                    .update();
        }
    }

    public List<ArticleFeedback> recentFeedback(long articleId, int limit) {
        return db.sql("""
                        SELECT article_id, helpful, comment, created_at AS at FROM kn_article_feedback
                        WHERE article_id = ? ORDER BY created_at DESC LIMIT ?
                        """)
                .params(articleId, limit)
                .query((rs, n) ->
                        new ArticleFeedback(rs.getLong(1), rs.getBoolean(2), rs.getString(3), Times.instant(rs, "at")))
                .list();
    }

    // ---- categories ----

    public long insertCategory(String name, int position, Map<String, String> names, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO kn_category (name, position, created_at) VALUES (?, ?, ?)")
                .params(name, position, Times.sql(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        setNames(id, names);
        return id;
    }

    public boolean updateCategory(long id, String name, int position, Map<String, String> names) {
        if (db.sql("UPDATE kn_category SET name = ?, position = ? WHERE id = ?")
                        .params(name, position, id)
                        .update()
                == 0) {
            return false;
        }
        setNames(id, names);
        return true;
    }

    private void setNames(long id, Map<String, String> names) {
        db.sql("DELETE FROM kn_category_name WHERE category_id = ?").param(id).update();
        names.forEach((language, name) -> db.sql(
                        "INSERT INTO kn_category_name (category_id, language, name) VALUES (?, ?, ?)")
                .params(id, language, name)
                .update());
    }

    /** Removes a category; its articles stay, in no category. */
    public boolean deleteCategory(long id) {
        db.sql("UPDATE kn_article SET category_id = NULL WHERE category_id = ?")
                .param(id)
                .update();
        db.sql("DELETE FROM kn_category_name WHERE category_id = ?").param(id).update();
        return db.sql("DELETE FROM kn_category WHERE id = ?").param(id).update() > 0;
    }

    /** Articles in this category (to tell the index their category is gone). */
    public List<Long> idsInCategory(long id) {
        return db.sql("SELECT id FROM kn_article WHERE category_id = ?")
                .param(id)
                .query(Long.class)
                .list();
    }

    public List<ArticleCategory> categories() {
        Map<Long, Map<String, String>> names = new HashMap<>();
        db.sql("SELECT category_id, language, name FROM kn_category_name").query(rs -> {
            names.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        return db.sql("SELECT id, name, position FROM kn_category ORDER BY position, name, id")
                .query((rs, n) -> new ArticleCategory(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        Map.copyOf(names.getOrDefault(rs.getLong(1), Map.of()))))
                .list();
    }

    private List<Article> withTags(List<Article> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        db.sql("SELECT article_id, tag FROM kn_article_tag WHERE article_id IN (:ids) ORDER BY tag")
                .param("ids", articles.stream().map(Article::id).toList())
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return articles.stream()
                .map(a -> new Article(
                        a.id(),
                        a.familyId(),
                        a.language(),
                        a.visibility(),
                        a.categoryId(),
                        a.title(),
                        a.slug(),
                        a.bodyHtml(),
                        List.copyOf(tags.getOrDefault(a.id(), List.of())),
                        a.version(),
                        a.archived(),
                        a.createdBy(),
                        a.createdAt(),
                        a.updatedBy(),
                        a.updatedAt(),
                        a.helpful(),
                        a.notHelpful()))
                .toList();
    }

    private static Article article(ResultSet rs, int n) throws SQLException {
        return new Article(
                rs.getLong("id"),
                rs.getLong("family_id"),
                rs.getString("language"),
                Codes.stored(ArticleVisibility.class, rs.getString("visibility")),
                (Long) rs.getObject("category_id", Long.class),
                rs.getString("title"),
                rs.getString("slug"),
                rs.getString("body_html"),
                List.of(),
                rs.getInt("version"),
                rs.getBoolean("archived"),
                (Long) rs.getObject("created_by", Long.class),
                Times.instant(rs, "created_at"),
                (Long) rs.getObject("updated_by", Long.class),
                Times.instant(rs, "updated_at"),
                rs.getLong("helpful"),
                rs.getLong("not_helpful"));
    }

    private static ArticleVersion version(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        return new ArticleVersion(
                rs.getLong("article_id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("body_html"),
                Codes.stored(ArticleVisibility.class, rs.getString("visibility")),
                (Long) rs.getObject("category_id", Long.class),
                tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")),
                (Long) rs.getObject("author_id", Long.class),
                null,
                Times.instant(rs, "created_at"));
    }
}
