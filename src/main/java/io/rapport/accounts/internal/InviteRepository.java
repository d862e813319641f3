package io.rapport.accounts.internal;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Invitations to set one's password (acc_agent_invite): the SHA-256 of each secret, never the secret. */
@Component
public class InviteRepository {

    private final JdbcClient db;

    InviteRepository(JdbcClient db) {
        this.db = db;
    }

    public void insert(String hash, long agentId, String createdBy, Instant now, Instant expiresAt) {
        db.sql("""
                        INSERT INTO acc_agent_invite (token_hash, agent_id, created_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                .params(hash, agentId, createdBy, Times.sql(now), Times.sql(expiresAt))
                .update();
    }

    /** The agent of an invitation that is unused and unexpired. */
    public Optional<Long> findUsable(String hash, Instant now) {
        return db.sql("""
                        SELECT agent_id FROM acc_agent_invite
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                        """).params(hash, Times.sql(now)).query(Long.class).optional();
    }

    /** Spends the invitation if it is still usable: true for the one request that spent it. */
    public boolean spend(String hash, Instant now) {
        return db.sql("""
                                UPDATE acc_agent_invite SET used_at = ?
                                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                                """).params(Times.sql(now), hash, Times.sql(now)).update() == 1;
    }

    /** Ends every unused invitation of the agent: a newer one replaces them, or the password was set. */
    public void endAll(long agentId, Instant now) {
        db.sql("UPDATE acc_agent_invite SET used_at = ? WHERE agent_id = ? AND used_at IS NULL")
                .params(Times.sql(now), agentId)
                .update();
    }

    /** The agents with an invitation that can still be used. */
    public List<Long> agentsWithUsable(Instant now) {
        return db.sql("SELECT DISTINCT agent_id FROM acc_agent_invite WHERE used_at IS NULL AND expires_at > ?")
                .param(Times.sql(now))
                .query(Long.class)
                .list();
    }
}
