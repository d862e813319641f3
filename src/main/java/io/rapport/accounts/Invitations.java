package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.accounts.internal.InviteMailer;
import io.rapport.accounts.internal.InviteRepository;
import io.rapport.common.Hashing;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Agents set their own password: an admin adds an agent without one (or asks for a new link), the agent gets a mail
 * with a single-use link, valid for a week by default, and chooses a password on the page it opens. Nobody else ever
 * knows it. A newer link ends the older ones; setting the password ends them all.
 */
@Service
public class Invitations {

    private final InviteRepository invites;
    private final AgentRepository agents;
    private final InviteMailer mailer;
    private final AccountAudit audit;
    private final PasswordEncoder passwords;
    private final Duration validity;
    private final Clock clock;

    Invitations(
            InviteRepository invites,
            AgentRepository agents,
            InviteMailer mailer,
            AccountAudit audit,
            PasswordEncoder passwords,
            @Value("${rapport.agents.invite-validity:7d}") Duration validity,
            Clock clock) {
        this.invites = invites;
        this.agents = agents;
        this.mailer = mailer;
        this.audit = audit;
        this.passwords = passwords;
        this.validity = validity;
        this.clock = clock;
    }

    /** Sends the agent a new link to set their password (mailed once the transaction commits). */
    @Transactional
    public void invite(long agentId, Actor by, Locale locale) {
        AgentView agent = agents.find(agentId).orElseThrow(() -> NotFound.of("agent", agentId));
        if (!agent.active()) {
            throw new io.rapport.common.Conflict(
                    "agent.inactive", "the agent is deactivated: activate them before inviting them", agent.name());
        }
        Instant now = Times.now(clock);
        invites.endAll(agentId, now);
        String secret = Hashing.randomSecret(32);
        invites.insert(Hashing.sha256Hex(secret), agentId, by.name(), now, now.plus(validity));
        audit.record(by, "invited", "agent", agentId, null, null, agent.email(), now);
        Runnable send = () -> mailer.send(agent.email(), agent.name(), by.name(), secret, validity.toDays(), locale);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** The agent a usable link invites, without spending it. */
    @Transactional(readOnly = true)
    public Optional<AgentView> pending(String secret) {
        return usable(secret).flatMap(agents::find).filter(AgentView::active);
    }

    /**
     * Sets the invited agent's password and spends the link (and every other link of theirs). Empty when the link is
     * not usable any more: spent, expired, unknown, or the agent was deactivated.
     */
    @Transactional
    public Optional<AgentView> accept(String secret, String password) {
        Optional<AgentView> agent = pending(secret);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        Agents.checkPassword(password);
        Instant now = Times.now(clock);
        if (!invites.spend(Hashing.sha256Hex(secret), now)) {
            return Optional.empty();
        }
        long id = agent.get().id();
        invites.endAll(id, now);
        agents.update(id, null, passwords.encode(password), null, null, null, null, now);
        audit.record(new Actor(id, agent.get().name()), "set password", "agent", id, null, null, null, now);
        return agents.find(id);
    }

    /** Ends the agent's waiting links: their password was set another way, or they were deactivated. */
    void endFor(long agentId) {
        invites.endAll(agentId, Times.now(clock));
    }

    /** The agents who were invited and have not used their link yet. */
    @Transactional(readOnly = true)
    public Set<Long> waiting() {
        return new HashSet<>(invites.agentsWithUsable(Times.now(clock)));
    }

    private Optional<Long> usable(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return invites.findUsable(Hashing.sha256Hex(secret), Times.now(clock));
    }
}
