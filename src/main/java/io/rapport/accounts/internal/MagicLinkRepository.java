package io.rapport.accounts.internal;

import io.rapport.common.Times;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Portal sign-in links in acc_magic_link, by the SHA-256 of their secret. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class MagicLinkRepository {

    private final JdbcClient db;

    MagicLinkRepository(JdbcClient db) {
        this.db = db;
    }

    public long countSince(String email, Instant since) {
        return db.sql("SELECT COUNT(*) FROM acc_magic_link WHERE email = ? AND created_at > ?")
                .params(email, Times.sql(since))
                .query(Long.class)
                .single();
    }

    public void insert(String hash, String email, Instant now, Instant expiresAt) {
        db.sql("INSERT INTO acc_magic_link (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash, email, Times.sql(now), Times.sql(expiresAt))
                .update();
    }

    /** The address of a link that is unused and unexpired. */
    public Optional<String> findUsable(String hash, Instant now) {
        return db.sql("SELECT email FROM acc_magic_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(hash, Times.sql(now))
                .query(String.class)
                .optional();
    }

    /**
     * Spends the link if it is still usable, and with it every other unused link to the same address: once the
     * customer has signed in, an older link lying in their mailbox must not work any more. Empty when the link was not
     * usable (already spent, expired, unknown).
     */
    public Optional<String> spend(String hash, Instant now) {
        int spent = db.sql(
                        "UPDATE acc_magic_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Times.sql(now), hash, Times.sql(now))
                .update();
        if (spent != 1) {
            return Optional.empty();
        }
        String email = db.sql("SELECT email FROM acc_magic_link WHERE token_hash = ?")
                .param(hash)
                .query(String.class)
                .single();
        db.sql("UPDATE acc_magic_link SET used_at = ? WHERE email = ? AND used_at IS NULL")
                .params(Times.sql(now), email)
                .update();
        return Optional.of(email);
    }
}
