package io.rapport.accounts.internal;

import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Mails that carry a single-use link (portal sign-in, invitations). Without a mail server configured (SPRING_MAIL_HOST)
 * the link is written to the log, so a fresh install can still be used; a server that refuses is logged as a warning.
 */
@Component
class MailedLinks {

    private static final Logger log = LoggerFactory.getLogger(MailedLinks.class);

    private final OutgoingMail mail;

    MailedLinks(OutgoingMail mail) {
        this.mail = mail;
    }

    /** The absolute link to a path of this desk with the secret as its {@code token} parameter. */
    String link(String path, String secret) {
        return mail.link(UriComponentsBuilder.fromPath(path)
                .queryParam("token", secret)
                .build()
                .toUriString());
    }

    /** Sends the mail; false when it did not go out. {@code what} names it in the log ("Invitation"). */
    boolean send(String what, String to, String subject, String body, String link) {
        try {
            boolean sent = mail.send(new Mail(to, subject, body));
            if (!sent) {
                log.info("{} for {} (no mail server configured): {}", what, to, link);
            }
            return sent;
        } catch (MailNotSent e) {
            log.warn("Could not send the {} to {}: {}", what.toLowerCase(java.util.Locale.ROOT), to, e.getMessage());
            return false;
        }
    }
}
