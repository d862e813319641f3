package io.rapport.accounts.internal;

import io.rapport.accounts.OrganizationView;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Organizations and their email domains in acc_organization and acc_organization_domain. */
@Component
public class OrganizationRepository {

    private static final String SELECT = """
            SELECT o.id, o.name, o.notes, o.created_at, o.updated_at,
                   (SELECT COUNT(*) FROM acc_customer c WHERE c.organization_id = o.id) AS customers
            FROM acc_organization o
            """;

    private final JdbcClient db;

    OrganizationRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(String name, String notes, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO acc_organization (name, name_key, notes, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                .params(name, key(name), notes, Times.sql(now), Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, String notes, Instant now) {
        db.sql("UPDATE acc_organization SET name = ?, name_key = ?, notes = ?, updated_at = ? WHERE id = ?")
                .params(name, key(name), notes, Times.sql(now), id)
                .update();
    }

    /** Locks the organization's row for a change (null if there is none). */
    public boolean lock(long id) {
        return db.sql("SELECT id FROM acc_organization WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    public Optional<Long> idOfName(String name) {
        return db.sql("SELECT id FROM acc_organization WHERE name_key = ?")
                .param(key(name))
                .query(Long.class)
                .optional();
    }

    /** The organization that holds this domain, if any. */
    public Optional<Long> ownerOf(String domain) {
        return db.sql("SELECT organization_id FROM acc_organization_domain WHERE domain = ?")
                .param(domain)
                .query(Long.class)
                .optional();
    }

    public void replaceDomains(long id, Collection<String> domains) {
        db.sql("DELETE FROM acc_organization_domain WHERE organization_id = ?")
                .param(id)
                .update();
        for (String domain : domains) {
            db.sql("INSERT INTO acc_organization_domain (domain, organization_id) VALUES (?, ?)")
                    .params(domain, id)
                    .update();
        }
    }

    /** Customers in no organization whose email address is at one of the domains join this one; how many did. */
    public int adoptCustomers(long id, Collection<String> domains, Instant now) {
        int joined = 0;
        for (String domain : domains) {
            joined += db.sql("""
                            UPDATE acc_customer SET organization_id = ?, updated_at = ?
                            WHERE organization_id IS NULL AND EXISTS (SELECT 1 FROM acc_customer_identity i
                              WHERE i.customer_id = acc_customer.id AND i.kind = 'email' AND i.address LIKE ?)
                            """).params(id, Times.sql(now), "%@" + domain).update();
        }
        return joined;
    }

    public Optional<OrganizationView> find(long id) {
        return db.sql(SELECT + " WHERE o.id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional()
                .map(o -> withDomains(List.of(o)).getFirst());
    }

    public Page<OrganizationView> search(String filter, PageRequest page) {
        String where = "";
        String pattern = null;
        if (filter != null && !filter.isBlank()) {
            pattern = "%" + CustomerRepository.likeEscaped(filter) + "%";
            where = """
                     WHERE o.name_key LIKE :p OR EXISTS (SELECT 1 FROM acc_organization_domain d
                       WHERE d.organization_id = o.id AND d.domain LIKE :p)
                    """;
        }
        var count = db.sql("SELECT COUNT(*) FROM acc_organization o" + where);
        var select = db.sql(SELECT + where + " ORDER BY o.name_key LIMIT :limit OFFSET :offset");
        if (pattern != null) {
            count = count.param("p", pattern);
            select = select.param("p", pattern);
        }
        long total = count.query(Long.class).single();
        List<OrganizationView> items = select.param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> row(rs))
                .list();
        return new Page<>(withDomains(items), total, page.page(), page.size());
    }

    /** Names of these organizations by id. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            db.sql("SELECT id, name FROM acc_organization WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    private List<OrganizationView> withDomains(List<OrganizationView> organizations) {
        if (organizations.isEmpty()) {
            return organizations;
        }
        Map<Long, List<String>> domains = new HashMap<>();
        db.sql("SELECT organization_id, domain FROM acc_organization_domain WHERE organization_id IN (:ids) "
                        + "ORDER BY domain")
                .param("ids", organizations.stream().map(OrganizationView::id).toList())
                .query(rs -> {
                    domains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return organizations.stream()
                .map(o -> new OrganizationView(
                        o.id(),
                        o.name(),
                        List.copyOf(domains.getOrDefault(o.id(), List.of())),
                        o.notes(),
                        o.customerCount(),
                        o.createdAt(),
                        o.updatedAt()))
                .toList();
    }

    private static OrganizationView row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrganizationView(
                rs.getLong("id"),
                rs.getString("name"),
                List.of(),
                rs.getString("notes"),
                rs.getLong("customers"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
