package io.rapport.mail;

import io.rapport.common.Times;
import io.rapport.mail.internal.MailDeliveries;
import io.rapport.mail.internal.SmtpSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Mail from the desk to customers (sign-in links, reply and solution notices), and the public links they carry. Sends
 * only when a mail server is configured (SPRING_MAIL_HOST); callers decide what to do without one.
 */
@Service
public class OutgoingMail {

    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> RESERVED_TOP_LEVEL = Set.of("example", "test", "invalid", "localhost");

    /** A claim whose sender has not finished within this time is taken over (the sender stopped while sending). */
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final SmtpSender smtp;
    private final MailDeliveries deliveries;
    private final Clock clock;
    private final String baseUrl;

    OutgoingMail(
            SmtpSender smtp, MailDeliveries deliveries, Clock clock, @Value("${rapport.base-url}") String baseUrl) {
        this.smtp = smtp;
        this.deliveries = deliveries;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An absolute link to a path of this desk, on its public address (RAPPORT_BASE_URL). */
    public String link(String path) {
        return baseUrl + path;
    }

    /**
     * Sends the mail. False, and nothing sent, when no mail server is configured.
     *
     * @throws MailNotSent when the server did not take it, saying whether trying again can help
     */
    public boolean send(Mail mail) {
        return smtp.send(mail);
    }

    /**
     * Sends conversation mails through the given server over one connection (a connection per mail costs both
     * sides more than the mail). The answer has one entry per letter, in order: null when the server took it, else
     * why not, saying whether trying again can help.
     */
    public List<MailNotSent> sendAll(List<Letter> letters, SmtpServer server) {
        return smtp.sendAll(letters, server);
    }

    /**
     * Sends the mail once for this key, however often it is asked to: a repeated event, or a second node handling the
     * same one, finds the key sent (or being sent) and sends nothing. A failed attempt gives the key back, so a later
     * attempt sends it. Without a mail server configured nothing is sent or claimed.
     *
     * @return true when the mail went out now or before
     * @throws MailNotSent when the server did not take it (passing: try again later), or another sender is on it now
     */
    public boolean sendOnce(String key, Mail mail) {
        if (!smtp.configured()) {
            return false;
        }
        Instant now = Times.now(clock);
        switch (deliveries.claim(key, mail.to(), now, STALE_CLAIM)) {
            case SENT -> {
                return true;
            }
            case BUSY -> throw new MailNotSent("mail " + key + " is being sent by another worker", false, null);
            case CLAIMED -> {}
        }
        try {
            smtp.send(mail);
        } catch (RuntimeException e) {
            deliveries.release(key);
            throw e;
        }
        deliveries.sent(key, Times.now(clock));
        return true;
    }

    /**
     * Whether mail to the address can arrive: addresses under names reserved for examples and tests (RFC 2606, RFC
     * 6761) cannot, so demo customers and placeholder addresses in imports are not mailed.
     */
    public static boolean deliverable(String address) {
        if (address == null || address.indexOf('@') < 0) {
            return false;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (RESERVED_DOMAINS.contains(domain)) {
            return false;
        }
        return RESERVED_DOMAINS.stream().noneMatch(reserved -> domain.endsWith("." + reserved))
                && RESERVED_TOP_LEVEL.stream().noneMatch(tld -> domain.equals(tld) || domain.endsWith("." + tld));
    }
}
