package io.rapport.mail.internal;

import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** SMTP through Spring's JavaMailSender (SPRING_MAIL_*), with its failures sorted into passing and permanent. */
@Component
public class SmtpSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SmtpSender(ObjectProvider<JavaMailSender> mail, @Value("${rapport.portal.mail-from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** Whether a mail server is configured (SPRING_MAIL_HOST). */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    public boolean send(Mail mail) {
        JavaMailSender sender = this.mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailNotSent(e.getMessage(), refusedForGood(e), e);
        }
        return true;
    }

    /**
     * A bad address or a message the server will never take: trying again cannot help. The SMTP transport reports a
     * recipient the server refused (5xx to RCPT TO) as a SendFailedException listing it among the invalid addresses.
     */
    static boolean refusedForGood(MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(send.getFailedMessages().values());
        }
        for (Throwable first : causes) {
            for (Throwable cause = first; cause != null; cause = cause.getCause()) {
                if (cause instanceof AddressException
                        || (cause instanceof SendFailedException failed
                                && failed.getInvalidAddresses() != null
                                && failed.getInvalidAddresses().length > 0)) {
                    return true;
                }
            }
        }
        return false;
    }
}
