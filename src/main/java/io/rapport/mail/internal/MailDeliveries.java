package io.rapport.mail.internal;

import io.rapport.common.Times;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims on mails that must go out once, in mail_delivery. Each statement commits on its own: no transaction is held
 * while the mail server is talked to.
 */
@Component
public class MailDeliveries {

    /** What a claim found. */
    public enum Claim {
        /** This sender may send now. */
        CLAIMED,
        /** It went out already. */
        SENT,
        /** Another sender is sending it right now. */
        BUSY
    }

    private final JdbcClient db;

    MailDeliveries(JdbcClient db) {
        this.db = db;
    }

    /** Claims the key, or takes over a claim older than {@code staleAfter} (its sender stopped while sending). */
    public Claim claim(String key, String recipient, Instant now, Duration staleAfter) {
        int inserted = db.sql("""
                        INSERT INTO mail_delivery (mail_key, recipient, state, claimed_at)
                        VALUES (?, ?, 'sending', ?) ON CONFLICT DO NOTHING
                        """).params(key, recipient, Times.sql(now)).update();
        if (inserted == 1) {
            return Claim.CLAIMED;
        }
        int taken = db.sql(
                        "UPDATE mail_delivery SET claimed_at = ? WHERE mail_key = ? AND state = 'sending' AND claimed_at < ?")
                .params(Times.sql(now), key, Times.sql(now.minus(staleAfter)))
                .update();
        if (taken == 1) {
            return Claim.CLAIMED;
        }
        return db.sql("SELECT state FROM mail_delivery WHERE mail_key = ?")
                        .param(key)
                        .query(String.class)
                        .optional()
                        .filter("sent"::equals)
                        .isPresent()
                ? Claim.SENT
                : Claim.BUSY;
    }

    public void sent(String key, Instant now) {
        db.sql("UPDATE mail_delivery SET state = 'sent', sent_at = ? WHERE mail_key = ?")
                .params(Times.sql(now), key)
                .update();
    }

    /** Gives the claim up after a failed attempt, so that the next attempt can claim it. */
    public void release(String key) {
        db.sql("DELETE FROM mail_delivery WHERE mail_key = ? AND state = 'sending'")
                .param(key)
                .update();
    }

    /** Forgets deliveries older than the cutoff; returns how many. */
    public int forgetBefore(Instant cutoff) {
        return db.sql("DELETE FROM mail_delivery WHERE claimed_at < ?")
                .param(Times.sql(cutoff))
                .update();
    }
}
