package io.rapport.mail;

import io.rapport.mail.internal.SmtpSender;
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

    private final SmtpSender smtp;
    private final String baseUrl;

    OutgoingMail(SmtpSender smtp, @Value("${rapport.base-url}") String baseUrl) {
        this.smtp = smtp;
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
