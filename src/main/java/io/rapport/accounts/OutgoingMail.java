package io.rapport.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail from the desk to customers (sign-in links, reply and solution notices), and the public links they
 * carry. Only sends when a mail server is configured (SPRING_MAIL_HOST); callers decide what to do without one.
 */
@Component
public class OutgoingMail {

    private final ObjectProvider<JavaMailSender> mail;
    private final String baseUrl;
    private final String from;

    OutgoingMail(
            ObjectProvider<JavaMailSender> mail,
            @Value("${rapport.base-url}") String baseUrl,
            @Value("${rapport.portal.mail-from}") String from) {
        this.mail = mail;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
    }

    /** An absolute link to a path of this desk, on its public address (RAPPORT_BASE_URL). */
    public String link(String path) {
        return baseUrl + path;
    }

    /** Sends the mail; false, and nothing sent, when no mail server is configured. */
    public boolean send(String to, String subject, String text) throws MailException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
        return true;
    }
}
