package io.rapport.accounts.internal;

import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.OutgoingMail;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Mails a portal sign-in link in the customer's language. Without a mail server configured (SPRING_MAIL_HOST) the link
 * is written to the log, so a fresh install can still be tried.
 */
@Component
public class SignInLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(SignInLinkMailer.class);

    private final OutgoingMail mail;
    private final MessageSource messages;

    SignInLinkMailer(OutgoingMail mail, MessageSource messages) {
        this.mail = mail;
        this.messages = messages;
    }

    public void send(String to, String secret, Locale locale) {
        String link = mail.link(UriComponentsBuilder.fromPath("/portal/auth")
                .queryParam("token", secret)
                .build()
                .toUriString());
        try {
            boolean sent = mail.send(new Mail(
                    to,
                    messages.getMessage("mail.signin.subject", null, locale),
                    messages.getMessage("mail.signin.body", new Object[] {link}, locale)));
            if (!sent) {
                log.info("Portal sign-in link for {} (no mail server configured): {}", to, link);
            }
        } catch (MailNotSent e) {
            // The customer can ask again; the operator needs to know the mail server refused.
            log.warn("Could not send the portal sign-in link to {}: {}", to, e.getMessage());
        }
    }
}
