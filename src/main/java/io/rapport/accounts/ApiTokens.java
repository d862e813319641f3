package io.rapport.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.accounts.internal.ApiTokenRepository;
import io.rapport.common.Codes;
import io.rapport.common.Hashing;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private record Checked(long tokenId, Instant expiresAt, SignedInToken token) {}

    /** Checked tokens by the hash of their secret: bounded, and each forgotten {@link #REMEMBER} after its check. */
    private final Cache<String, Checked> checked;
    /** Counts forgets, so a check that overlapped one does not remember what it read (see {@link #authenticate}). */
    private final AtomicLong forgets = new AtomicLong();

    private final ApiTokenRepository tokens;
    private final AgentRepository agents;
    private final AccountAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            AgentRepository agents,
            AccountAudit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(REMEMBER_AT_MOST)
                .expireAfterWrite(REMEMBER)
                .build();
    }

    /**
     * A new token acting as the agent, with these scopes ({@code read} is always among them; {@code admin} only for an
     * admin's token) until {@code expiresAt} (null: until revoked).
     */
    @Transactional
    public CreatedApiToken create(
            String name, long agentId, Collection<TokenScope> scopes, Instant expiresAt, Actor by) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "is required and at most 100 characters");
        }
        AgentPrincipal agent =
                agents.findPrincipal(agentId).orElseThrow(() -> new InvalidInput("agentId", "agent does not exist"));
        Set<TokenScope> granted = EnumSet.of(TokenScope.READ);
        for (TokenScope scope : scopes == null ? List.<TokenScope>of() : scopes) {
            if (scope == null) {
                throw new InvalidInput("scopes", "must be among " + Codes.allowed(TokenScope.class));
            }
            granted.add(scope);
        }
        if (granted.contains(TokenScope.ADMIN) && agent.role() != Role.ADMIN) {
            throw new InvalidInput("scopes", "admin is only for a token of an admin");
        }
        Instant now = Times.now(clock);
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(3660))))) {
            throw new InvalidInput("expiresAt", "must be in the future, within ten years");
        }
        String secret = PREFIX + Hashing.randomSecret(32);
        long id = tokens.insert(
                name.strip(),
                Hashing.sha256Hex(secret),
                secret.substring(0, 10),
                agentId,
                granted,
                expiresAt,
                by.id() == null ? agentId : by.id(),
                now);
        ApiTokenView token = get(id);
        audit.record(
                by,
                "created",
                "token",
                id,
                null,
                null,
                token.name() + " (" + token.agentName() + ": " + token.scopeList()
                        + (expiresAt == null ? "" : ", until " + expiresAt) + ")",
                now);
        return new CreatedApiToken(token, secret);
    }

    @Transactional
    public void revoke(long id, Actor by) {
        ApiTokenView token = get(id);
        Instant now = Times.now(clock);
        tokens.revoke(id, now);
        if (!token.revoked()) {
            audit.record(by, "revoked", "token", id, null, null, token.name(), now);
        }
        forget(c -> c.tokenId() == id);
    }

    /** The agent's tokens act with their new role or stop working; called when an agent changes. */
    void forgetAgent(long agentId) {
        forget(c -> c.token().agent().id() == agentId);
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

    /** The agent a live token acts as, and its scopes; empty for an unknown, revoked or expired token or an inactive agent. */
    public Optional<SignedInToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(secret);
        Instant now = Times.now(clock);
        Checked known = checked.getIfPresent(hash);
        if (known != null) {
            if (known.expiresAt() == null || now.isBefore(known.expiresAt())) {
                return Optional.of(known.token());
            }
            checked.invalidate(hash);
            return Optional.empty();
        }
        long forgetsBefore = forgets.get();
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
        return Optional.of(fresh.get().token());
    }

    private Optional<Checked> check(String hash, Instant now) {
        Optional<ApiTokenRepository.Live> token = tokens.findLive(hash, now);
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
                .map(agent -> new Checked(
                        token.get().id(),
                        token.get().expiresAt(),
                        new SignedInToken(
                                scoped(agent, token.get().scopes()), token.get().scopes())));
    }

    /** Without the admin scope an admin's token acts as a supervisor: admin calls refuse it. */
    private static AgentPrincipal scoped(AgentPrincipal agent, Set<TokenScope> scopes) {
        if (agent.role() != Role.ADMIN || scopes.contains(TokenScope.ADMIN)) {
            return agent;
        }
        return new AgentPrincipal(
                agent.id(),
                agent.email(),
                agent.name(),
                Role.SUPERVISOR,
                agent.passwordHash(),
                agent.active(),
                agent.credentialStamp());
    }
}
