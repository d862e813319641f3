package io.rapport.accounts;

import io.rapport.accounts.internal.SignInLinkMailer;
import io.rapport.common.Hashing;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer sign-in by an emailed link: single use, short-lived, stored only as a hash. Asking for a link never tells
 * whether the address is known, and at most a few links per address go out in a quarter of an hour.
 */
@Service
public class PortalSignIn {

    private static final int LINKS_PER_WINDOW = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient db;
    private final Customers customers;
    private final SignInLinkMailer mailer;
    private final Duration validity;
    private final Clock clock;

    PortalSignIn(
            JdbcClient db,
            Customers customers,
            SignInLinkMailer mailer,
            @Value("${rapport.portal.magic-link-validity:30m}") Duration validity,
            Clock clock) {
        this.db = db;
        this.customers = customers;
        this.mailer = mailer;
        this.validity = validity;
        this.clock = clock;
    }

    /** Sends a sign-in link to the address, in the customer's language. Quietly does nothing past the rate limit. */
    @Transactional
    public void requestLink(String email, Locale locale) {
        String address = Agents.normalizeEmail(email);
        Instant now = Times.now(clock);
        long recent = db.sql("SELECT COUNT(*) FROM acc_magic_link WHERE email = ? AND created_at > ?")
                .params(address, Times.sql(now.minus(WINDOW)))
                .query(Long.class)
                .single();
        if (recent >= LINKS_PER_WINDOW) {
            return;
        }
        String secret = Hashing.randomSecret(32);
        db.sql("INSERT INTO acc_magic_link (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(Hashing.sha256Hex(secret), address, Times.sql(now), Times.sql(now.plus(validity)))
                .update();
        Locale language = customers
                .findByEmail(address)
                .map(CustomerRef::preferredLanguage)
                .filter(l -> l != null)
                .map(Locale::forLanguageTag)
                .orElse(locale);
        mailer.send(address, secret, language);
    }

    /** The address a valid, unused link signs in, without spending it. */
    @Transactional(readOnly = true)
    public Optional<String> pending(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Times.now(clock);
        return db.sql("SELECT email FROM acc_magic_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Hashing.sha256Hex(secret), Times.sql(now))
                .query(String.class)
                .optional();
    }

    /** The customer a valid, unused link belongs to (created on first sign-in); the link is spent. */
    @Transactional
    public Optional<CustomerRef> redeem(String secret, Locale locale) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Times.now(clock);
        String hash = Hashing.sha256Hex(secret);
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
        CustomerRef customer = customers.identifyByEmail(email, null);
        if (customer.preferredLanguage() == null
                && locale != null
                && Customers.SUPPORTED_LANGUAGES.contains(locale.getLanguage())) {
            customers.setPreferredLanguage(customer.id(), locale.getLanguage());
            customer = customers.ref(customer.id());
        }
        return Optional.of(customer);
    }
}
