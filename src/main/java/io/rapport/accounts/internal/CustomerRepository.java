package io.rapport.accounts.internal;

import io.rapport.accounts.CustomerIdentity;
import io.rapport.accounts.CustomerRef;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Customers and their identities in acc_customer and acc_customer_identity. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class CustomerRepository {

    private static final String REF_SELECT = """
            SELECT c.id, c.name, c.preferred_language,
                   (SELECT i.address FROM acc_customer_identity i
                     WHERE i.customer_id = c.id AND i.kind = 'email' ORDER BY i.is_primary DESC, i.id LIMIT 1) AS email
            FROM acc_customer c
            """;

    private final JdbcClient db;

    CustomerRepository(JdbcClient db) {
        this.db = db;
    }

    /**
     * Creates a customer with this email, or returns the one another request created at the same moment: the identity
     * insert yields to the unique (kind, address) constraint instead of failing the transaction.
     */
    public CustomerRef insertWithEmail(String name, String email, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO acc_customer (name, organization_id, created_at, updated_at)
                        VALUES (?, (SELECT organization_id FROM acc_organization_domain WHERE domain = ?), ?, ?)
                        """)
                .params(name, email.substring(email.lastIndexOf('@') + 1), Times.sql(now), Times.sql(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int inserted = db.sql("""
                        INSERT INTO acc_customer_identity (customer_id, kind, address, is_primary, created_at)
                        VALUES (?, 'email', ?, TRUE, ?) ON CONFLICT DO NOTHING
                        """).params(id, email, Times.sql(now)).update();
        if (inserted == 0) {
            db.sql("DELETE FROM acc_customer WHERE id = ?").param(id).update();
            return findByIdentity("email", email).orElseThrow();
        }
        return new CustomerRef(id, email, name, null);
    }

    public Optional<CustomerRef> findByIdentity(String kind, String value) {
        return db.sql("""
                        SELECT c.id, c.name, c.preferred_language, i.address AS email
                        FROM acc_customer_identity i JOIN acc_customer c ON c.id = i.customer_id
                        WHERE i.kind = ? AND i.address = ?
                        """).params(kind, value).query(CustomerRepository::ref).optional();
    }

    public long count() {
        return db.sql("SELECT COUNT(*) FROM acc_customer").query(Long.class).single();
    }

    /** Customer ids above {@code afterId}, in order: for reading every customer page by page. */
    public List<Long> idsAfter(long afterId, int limit) {
        return db.sql("SELECT id FROM acc_customer WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(Long.class)
                .list();
    }

    public Map<Long, CustomerRef> findRefs(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, CustomerRef> result = new LinkedHashMap<>();
        db.sql(REF_SELECT + " WHERE c.id IN (:ids)")
                .param("ids", ids)
                .query(CustomerRepository::ref)
                .list()
                .forEach(r -> result.put(r.id(), r));
        return result;
    }

    public Page<CustomerRef> search(String filter, PageRequest page) {
        String where = "";
        String pattern = null;
        if (filter != null && !filter.isBlank()) {
            pattern = "%" + likeEscaped(filter) + "%";
            where = """
                     WHERE LOWER(c.name) LIKE :p OR EXISTS (SELECT 1 FROM acc_customer_identity i
                       WHERE i.customer_id = c.id AND i.address LIKE :p)
                    """;
        }
        var count = db.sql("SELECT COUNT(*) FROM acc_customer c" + where);
        var select = db.sql(REF_SELECT + where + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset");
        if (pattern != null) {
            count = count.param("p", pattern);
            select = select.param("p", pattern);
        }
        long total = count.query(Long.class).single();
        List<CustomerRef> items = select.param("limit", page.size())
                .param("offset", page.offset())
                .query(CustomerRepository::ref)
                .list();
        return new Page<>(items, total, page.page(), page.size());
    }

    /** A search text as a LIKE pattern's literal part: lower case, with the pattern's own characters escaped. */
    static String likeEscaped(String filter) {
        return filter.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    /** What a customer page shows beyond the short form: organization and notes. */
    public record Details(Long organizationId, String notes, Instant createdAt) {}

    public Optional<Details> details(long customerId) {
        return Optional.ofNullable(details(List.of(customerId)).get(customerId));
    }

    /** The details of these customers, by id (one query for a page of them). */
    public Map<Long, Details> details(Collection<Long> ids) {
        Map<Long, Details> result = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            db.sql("SELECT id, organization_id, notes, created_at FROM acc_customer WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        result.put(
                                rs.getLong("id"),
                                new Details(
                                        rs.getObject("organization_id") == null ? null : rs.getLong("organization_id"),
                                        rs.getString("notes"),
                                        Times.instant(rs, "created_at")));
                    });
        }
        return result;
    }

    /** Locks the customer's row for a change or a merge; false if there is no such customer. */
    public boolean lock(long id) {
        return db.sql("SELECT id FROM acc_customer WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    public void update(long id, String name, Long organizationId, String notes, String language, Instant now) {
        db.sql("""
                        UPDATE acc_customer SET name = ?, organization_id = ?, notes = ?, preferred_language = ?,
                          updated_at = ? WHERE id = ?
                        """)
                .params(name, organizationId, notes, language, Times.sql(now), id)
                .update();
    }

    /**
     * Moves {@code from}'s identities to {@code into} (as secondary ones), records where {@code from} went, points
     * earlier merges into {@code from} at {@code into}, and removes {@code from}.
     */
    public void merge(long from, long into, String fromName, Instant now) {
        db.sql("UPDATE acc_customer_identity SET customer_id = ?, is_primary = FALSE WHERE customer_id = ?")
                .params(into, from)
                .update();
        db.sql("UPDATE acc_customer_merge SET into_id = ? WHERE into_id = ?")
                .params(into, from)
                .update();
        db.sql("INSERT INTO acc_customer_merge (from_id, into_id, from_name, merged_at) VALUES (?, ?, ?, ?)")
                .params(from, into, fromName, Times.sql(now))
                .update();
        db.sql("DELETE FROM acc_customer WHERE id = ?").param(from).update();
    }

    public List<Long> idsInOrganization(long organizationId, int limit) {
        return db.sql("SELECT id FROM acc_customer WHERE organization_id = ? ORDER BY name, id LIMIT ?")
                .params(organizationId, limit)
                .query(Long.class)
                .list();
    }

    /** The customer a merged customer's id leads to now, if it was merged. */
    public Optional<Long> mergedInto(long id) {
        return db.sql("SELECT into_id FROM acc_customer_merge WHERE from_id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    public List<CustomerIdentity> identities(long customerId) {
        return db.sql("""
                        SELECT kind, address, is_primary, created_at FROM acc_customer_identity
                        WHERE customer_id = ? ORDER BY is_primary DESC, id
                        """)
                .param(customerId)
                .query((rs, n) -> new CustomerIdentity(
                        rs.getString("kind"),
                        rs.getString("address"),
                        rs.getBoolean("is_primary"),
                        Times.instant(rs, "created_at")))
                .list();
    }

    public void setPreferredLanguage(long id, String language, Instant now) {
        db.sql("UPDATE acc_customer SET preferred_language = ?, updated_at = ? WHERE id = ?")
                .params(language, Times.sql(now), id)
                .update();
    }

    private static CustomerRef ref(ResultSet rs, int n) throws SQLException {
        return new CustomerRef(
                rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("preferred_language"));
    }
}
