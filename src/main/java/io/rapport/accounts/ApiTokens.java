package io.rapport.accounts;

import io.rapport.accounts.internal.AgentRepository;
import io.rapport.common.Hashing;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens: created and revoked by admins, each acting as one agent. Only a SHA-256 hash of the secret is stored; the
 * secret has 256 bits of entropy, so a slow hash would add cost without adding safety.
 *
 * <p>A script sends the same token on every call, so a checked token is remembered for a few seconds (ADR 8). Revoking
 * a token, or changing or deactivating its agent, forgets it on this node at once and again after the change commits;
 * a check that read the row while such a change was under way is not remembered.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "rpt_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final int REMEMBER_AT_MOST = 10_000;

    private record Checked(long tokenId, AgentPrincipal agent, Instant until) {}

    private final ConcurrentHashMap<String, Checked> checked = new ConcurrentHashMap<>();
    /** Counts forgets, so a check that overlapped one does not remember what it read (see {@link #authenticate}). */
    private final AtomicLong forgets = new AtomicLong();

    private final JdbcClient db;
    private final AgentRepository agents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiTokens(JdbcClient db, AgentRepository agents, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiToken create(String name, long agentId, long createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        agents.findPrincipal(agentId).orElseThrow(() -> new InvalidInput("agentId", "agent does not exist"));
        String secret = PREFIX + Hashing.randomSecret(32);
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO acc_api_token (name, token_hash, prefix, agent_id, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        name.strip(),
                        Hashing.sha256Hex(secret),
                        secret.substring(0, 10),
                        agentId,
                        createdBy,
                        Times.sql(Times.now(clock)))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new CreatedApiToken(get(id), secret);
    }

    @Transactional
    public void revoke(long id) {
        get(id);
        db.sql("UPDATE acc_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Times.sql(Times.now(clock)), id)
                .update();
        forget(c -> c.tokenId() == id);
    }

    /** The agent's tokens act with their new role or stop working; called when an agent changes. */
    void forgetAgent(long agentId) {
        forget(c -> c.agent().id() == agentId);
    }

    /**
     * Forgets now and again after commit: a request checking the token between the two could otherwise remember the
     * row as it was before the change.
     */
    private void forget(Predicate<Checked> which) {
        forgets.incrementAndGet();
        checked.values().removeIf(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgets.incrementAndGet();
                    checked.values().removeIf(which);
                }
            });
        }
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list() {
        return db.sql(SELECT + " ORDER BY t.id DESC").query(ApiTokens::view).list();
    }

    @Transactional(readOnly = true)
    public ApiTokenView get(long id) {
        return db.sql(SELECT + " WHERE t.id = ?")
                .param(id)
                .query(ApiTokens::view)
                .optional()
                .orElseThrow(() -> NotFound.of("API token", id));
    }

    /** The agent a live token acts as; empty for an unknown or revoked token or an inactive agent. */
    public Optional<AgentPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(secret);
        Instant now = Times.now(clock);
        Checked known = checked.get(hash);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.agent());
        }
        long forgetsBefore = forgets.get();
        Optional<Checked> fresh = transactions.execute(tx -> check(hash, now));
        if (fresh.isEmpty()) {
            checked.remove(hash);
            return Optional.empty();
        }
        if (checked.size() >= REMEMBER_AT_MOST) {
            checked.clear();
        }
        // Remember first, then look: a forget that began after this look removes the entry itself; one that began
        // during the check (say a revoke not yet committed when the row was read) is seen here.
        checked.put(hash, fresh.get());
        if (forgets.get() != forgetsBefore) {
            checked.remove(hash, fresh.get());
        }
        return Optional.of(fresh.get().agent());
    }

    private Optional<Checked> check(String hash, Instant now) {
        record Live(long id, Instant lastUsedAt, AgentPrincipal agent) {}
        Optional<Live> token = db.sql("""
                        SELECT t.id, t.last_used_at, a.id AS agent_id, a.email, a.name, a.role, a.active
                        FROM acc_api_token t JOIN acc_agent a ON a.id = t.agent_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL
                        """)
                .param(hash)
                .query((rs, n) -> new Live(
                        rs.getLong("id"),
                        Times.instant(rs, "last_used_at"),
                        new AgentPrincipal(
                                rs.getLong("agent_id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                Role.of(rs.getString("role")),
                                "",
                                rs.getBoolean("active"))))
                .optional();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        // Writing on every call would turn each read into a write; a minute's resolution is enough to spot unused
        // tokens.
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            db.sql("UPDATE acc_api_token SET last_used_at = ? WHERE id = ?")
                    .params(Times.sql(now), token.get().id())
                    .update();
        }
        return Optional.of(token.get().agent())
                .filter(AgentPrincipal::active)
                .map(agent -> new Checked(token.get().id(), agent, now.plus(REMEMBER)));
    }

    private static final String SELECT = """
            SELECT t.id, t.name, t.prefix, t.agent_id, a.name AS agent_name, t.created_at, t.last_used_at, t.revoked_at
            FROM acc_api_token t JOIN acc_agent a ON a.id = t.agent_id
            """;

    private static ApiTokenView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiTokenView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getLong("agent_id"),
                rs.getString("agent_name"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "last_used_at"),
                Times.instant(rs, "revoked_at"));
    }
}
