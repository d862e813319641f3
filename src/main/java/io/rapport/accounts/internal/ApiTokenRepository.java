package io.rapport.accounts.internal;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.ApiTokenView;
import io.rapport.accounts.Role;
import io.rapport.accounts.TokenScope;
import io.rapport.common.Codes;
import io.rapport.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** API tokens in acc_api_token: the SHA-256 of each secret, never the secret. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class ApiTokenRepository {

    private static final String SELECT = """
            SELECT t.id, t.name, t.prefix, t.agent_id, a.name AS agent_name, t.scopes, t.created_at, t.expires_at,
                   t.last_used_at, t.revoked_at
            FROM acc_api_token t JOIN acc_agent a ON a.id = t.agent_id
            """;

    /** A token that is neither revoked nor expired, with the agent it acts as (whatever that agent's state). */
    public record Live(long id, Instant lastUsedAt, Instant expiresAt, Set<TokenScope> scopes, AgentPrincipal agent) {}

    private final JdbcClient db;

    ApiTokenRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(
            String name,
            String hash,
            String prefix,
            long agentId,
            Set<TokenScope> scopes,
            Instant expiresAt,
            long createdBy,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO acc_api_token (name, token_hash, prefix, agent_id, scopes, expires_at, created_by,
                            created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        name,
                        hash,
                        prefix,
                        agentId,
                        stored(scopes),
                        expiresAt == null ? null : Times.sql(expiresAt),
                        createdBy,
                        Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void revoke(long id, Instant now) {
        db.sql("UPDATE acc_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Times.sql(now), id)
                .update();
    }

    public List<ApiTokenView> findAll() {
        return db.sql(SELECT + " ORDER BY t.id DESC")
                .query(ApiTokenRepository::view)
                .list();
    }

    public Optional<ApiTokenView> find(long id) {
        return db.sql(SELECT + " WHERE t.id = ?")
                .param(id)
                .query(ApiTokenRepository::view)
                .optional();
    }

    public Optional<Live> findLive(String hash, Instant now) {
        return db.sql("""
                        SELECT t.id, t.last_used_at, t.expires_at, t.scopes, a.id AS agent_id, a.email, a.name, a.role,
                               a.active, a.password_hash
                        FROM acc_api_token t JOIN acc_agent a ON a.id = t.agent_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                        """)
                .params(hash, Times.sql(now))
                .query((rs, n) -> new Live(
                        rs.getLong("id"),
                        Times.instant(rs, "last_used_at"),
                        Times.instant(rs, "expires_at"),
                        scopes(rs.getString("scopes")),
                        new AgentPrincipal(
                                rs.getLong("agent_id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                Codes.stored(Role.class, rs.getString("role")),
                                "",
                                rs.getBoolean("active"),
                                AgentRepository.credentialStamp(rs.getString("password_hash")))))
                .optional();
    }

    public void touch(long id, Instant now) {
        db.sql("UPDATE acc_api_token SET last_used_at = ? WHERE id = ?")
                .params(Times.sql(now), id)
                .update();
    }

    private static String stored(Set<TokenScope> scopes) {
        return String.join(",", scopes.stream().sorted().map(TokenScope::code).toList());
    }

    private static Set<TokenScope> scopes(String stored) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String code : stored.split(",")) {
            scopes.add(Codes.stored(TokenScope.class, code.strip()));
        }
        return Collections.unmodifiableSet(scopes);
    }

    private static ApiTokenView view(ResultSet rs, int n) throws SQLException {
        return new ApiTokenView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getLong("agent_id"),
                rs.getString("agent_name"),
                scopes(rs.getString("scopes")),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "expires_at"),
                Times.instant(rs, "last_used_at"),
                Times.instant(rs, "revoked_at"));
    }
}
