package io.rapport.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.accounts.internal.ApiTokenRepository;
import io.rapport.common.Hashing;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
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

    private record Checked(long tokenId, AgentPrincipal agent) {}

    /** Checked tokens by the hash of their secret: bounded, and each forgotten {@link #REMEMBER} after its check. */
    private final Cache<String, Checked> checked;
    /** Counts forgets, so a check that overlapped one does not remember what it read (see {@link #authenticate}). */
    private final AtomicLong forgets = new AtomicLong();

    private final ApiTokenRepository tokens;
    private final AgentRepository agents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AgentRepository agents, TransactionTemplate transactions, Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(REMEMBER_AT_MOST)
                .expireAfterWrite(REMEMBER)
                .build();
    }

    @Transactional
    public CreatedApiToken create(String name, long agentId, long createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        agents.findPrincipal(agentId).orElseThrow(() -> new InvalidInput("agentId", "agent does not exist"));
        String secret = PREFIX + Hashing.randomSecret(32);
        long id = tokens.insert(
                name.strip(), Hashing.sha256Hex(secret), secret.substring(0, 10), agentId, createdBy, Times.now(clock));
        return new CreatedApiToken(get(id), secret);
    }

    @Transactional
    public void revoke(long id) {
        get(id);
        tokens.revoke(id, Times.now(clock));
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
        checked.asMap().values().removeIf(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgets.incrementAndGet();
                    checked.asMap().values().removeIf(which);
                }
            });
        }
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list() {
        return tokens.findAll();
    }

    @Transactional(readOnly = true)
    public ApiTokenView get(long id) {
        return tokens.find(id).orElseThrow(() -> NotFound.of("API token", id));
    }

    /** The agent a live token acts as; empty for an unknown or revoked token or an inactive agent. */
    public Optional<AgentPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(secret);
        Checked known = checked.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known.agent());
        }
        long forgetsBefore = forgets.get();
        Instant now = Times.now(clock);
        Optional<Checked> fresh = transactions.execute(tx -> check(hash, now));
        if (fresh.isEmpty()) {
            checked.invalidate(hash);
            return Optional.empty();
        }
        // Remember first, then look: a forget that began after this look removes the entry itself; one that began
        // during the check (say a revoke not yet committed when the row was read) is seen here.
        checked.put(hash, fresh.get());
        if (forgets.get() != forgetsBefore) {
            checked.asMap().remove(hash, fresh.get());
        }
        return Optional.of(fresh.get().agent());
    }

    private Optional<Checked> check(String hash, Instant now) {
        Optional<ApiTokenRepository.Live> token = tokens.findLive(hash);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        // Writing on every call would turn each read into a write; a minute's resolution is enough to spot unused
        // tokens.
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            tokens.touch(token.get().id(), now);
        }
        return Optional.of(token.get().agent())
                .filter(AgentPrincipal::active)
                .map(agent -> new Checked(token.get().id(), agent));
    }
}
