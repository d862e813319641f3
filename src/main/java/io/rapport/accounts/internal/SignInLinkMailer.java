package io.rapport.accounts.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails a portal sign-in link in the customer's language. Without a mail server configured (SPRING_MAIL_HOST) the link
 * is written to the log, so a fresh install can still be tried.
 */
@Component
public class SignInLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(SignInLinkMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String baseUrl;
    private final String from;

    SignInLinkMailer(
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            @Value("${rapport.base-url}") String baseUrl,
            @Value("${rapport.portal.mail-from}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
    }

    public void send(String to, String secret, Locale locale) {
        String link = baseUrl + "/portal/auth?token=" + secret;
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("Portal sign-in link for {} (no mail server configured): {}", to, link);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("mail.signin.subject", null, locale));
        message.setText(messages.getMessage("mail.signin.body", new Object[] {link}, locale));
        try {
            sender.send(message);
        } catch (MailException e) {
            // The customer can ask again; the operator needs to know the mail server refused.
            log.warn("Could not send the portal sign-in link to {}: {}", to, e.getMessage());
        }
    }
}
