package io.rapport.accounts;

import io.rapport.accounts.internal.MagicLinkRepository;
import io.rapport.accounts.internal.SignInLinkMailer;
import io.rapport.common.Hashing;
import io.rapport.common.Times;
import io.rapport.web.UiLanguages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
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

    private final MagicLinkRepository links;
    private final Customers customers;
    private final SignInLinkMailer mailer;
    private final Duration validity;
    private final Clock clock;

    PortalSignIn(
            MagicLinkRepository links,
            Customers customers,
            SignInLinkMailer mailer,
            @Value("${rapport.portal.magic-link-validity:30m}") Duration validity,
            Clock clock) {
        this.links = links;
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
        if (links.countSince(address, now.minus(WINDOW)) >= LINKS_PER_WINDOW) {
            return;
        }
        String secret = Hashing.randomSecret(32);
        links.insert(Hashing.sha256Hex(secret), address, now, now.plus(validity));
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
        return links.findUsable(Hashing.sha256Hex(secret), Times.now(clock));
    }

    /**
     * The customer a valid, unused link belongs to (created on first sign-in). The link is spent, and with it any older
     * link to the same address.
     */
    @Transactional
    public Optional<CustomerRef> redeem(String secret, Locale locale) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<String> spent = links.spend(Hashing.sha256Hex(secret), Times.now(clock));
        if (spent.isEmpty()) {
            return Optional.empty();
        }
        String email = spent.get();
        CustomerRef customer = customers.identifyByEmail(email, null);
        if (customer.preferredLanguage() == null && locale != null && UiLanguages.supported(locale.getLanguage())) {
            customers.setPreferredLanguage(customer.id(), locale.getLanguage());
            customer = customers.ref(customer.id());
        }
        return Optional.of(customer);
    }
}
