package io.rapport.mail.internal;

import io.rapport.mail.Letter;
import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
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
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
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
     * Sends conversation mails through the given server over one connection. The answer has one entry per letter, in
     * order: null when the server took it, else why not.
     */
    public List<MailNotSent> sendAll(List<Letter> letters, SmtpServer server) {
        JavaMailSenderImpl sender = senders.computeIfAbsent(server, SmtpSender::senderFor);
        List<MailNotSent> outcome = new ArrayList<>(java.util.Collections.nCopies(letters.size(), null));
        java.util.Map<MimeMessage, Integer> index = new java.util.IdentityHashMap<>();
        List<MimeMessage> ready = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            try {
                MimeMessage message = message(sender, letters.get(i));
                index.put(message, i);
                ready.add(message);
            } catch (MessagingException | java.io.UnsupportedEncodingException | MailException e) {
                outcome.set(i, new MailNotSent(e.getMessage(), true, e));
            }
        }
        if (ready.isEmpty()) {
            return outcome;
        }
        try {
            sender.send(ready.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // no failed message listed: every mail was taken, and only closing the connection failed afterwards
            // (a failed connection lists every mail), so nothing is to be sent again
            e.getFailedMessages().forEach((message, cause) -> {
                Integer i = message instanceof MimeMessage m ? index.get(m) : null;
                if (i != null) {
                    outcome.set(i, new MailNotSent(cause.getMessage(), refusedForGood(cause), cause));
                }
            });
        } catch (MailException e) {
            // sign-in refused, no connection: nothing went out
            ready.forEach(m -> outcome.set(index.get(m), new MailNotSent(e.getMessage(), refusedForGood(e), e)));
        }
        return outcome;
    }

    private static MimeMessage message(JavaMailSenderImpl sender, Letter letter)
            throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage message = new KeptIdMessage(sender.getSession(), letter.messageId());
        boolean multipart = letter.html() != null || !letter.attachments().isEmpty();
        MimeMessageHelper helper = new SharedTypesHelper(message, multipart);
        helper.setFrom(new InternetAddress(letter.fromAddress(), letter.fromName(), "UTF-8"));
        helper.setTo(letter.to().toArray(String[]::new));
        if (!letter.cc().isEmpty()) {
            helper.setCc(letter.cc().toArray(String[]::new));
        }
        helper.setSubject(letter.subject());
        if (letter.html() != null) {
            helper.setText(letter.text(), letter.html());
        } else {
            helper.setText(letter.text());
        }
        for (Letter.File file : letter.attachments()) {
            helper.addAttachment(file.filename(), file.content()::open, file.contentType());
        }
        if (letter.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + letter.inReplyTo() + ">");
        }
        if (!letter.references().isEmpty()) {
            message.setHeader(
                    "References",
                    MimeUtility.fold(
                            12,
                            String.join(
                                    " ",
                                    letter.references().stream()
                                            .map(r -> "<" + r + ">")
                                            .toList())));
        }
        for (var header : letter.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        return message;
    }

    /** One sender per server configuration: each keeps its session; a changed password makes a new one. */
    private final java.util.Map<SmtpServer, JavaMailSenderImpl> senders =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static JavaMailSenderImpl senderFor(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setProtocol(server.tls() ? "smtps" : "smtp");
        sender.setDefaultEncoding("UTF-8");
        java.util.Properties props = new java.util.Properties();
        String p = server.tls() ? "mail.smtps." : "mail.smtp.";
        if (server.username() != null) {
            sender.setUsername(server.username());
            sender.setPassword(server.password());
            props.put(p + "auth", "true");
        }
        if (server.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        // the certificate must be valid and name the host, unless the admin said the server's own is to be taken
        props.put(p + "ssl.checkserveridentity", String.valueOf(server.verifyCertificate()));
        if (!server.verifyCertificate()) {
            props.put(p + "ssl.trust", "*");
        }
        // a server that hangs must not hold a sending worker for ever
        props.put(p + "connectiontimeout", "10000");
        props.put(p + "timeout", "30000");
        props.put(p + "writetimeout", "60000");
        sender.setJavaMailProperties(props);
        return sender;
    }

    /** Reads the MIME types of attachment names once: Spring's helper would load its table for every mail. */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final org.springframework.mail.javamail.ConfigurableMimeFileTypeMap TYPES =
                new org.springframework.mail.javamail.ConfigurableMimeFileTypeMap();

        static {
            TYPES.afterPropertiesSet();
        }

        SharedTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected jakarta.activation.FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    /** A message that keeps the Message-ID it was given: JavaMail makes up a new one on every save otherwise. */
    private static final class KeptIdMessage extends MimeMessage {
        private final String id;

        KeptIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (id == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", "<" + id + ">");
            }
        }
    }

    /**
     * A bad address or a message the server will never take: trying again cannot help. The SMTP transport reports a
     * recipient the server refused (5xx to RCPT TO) as a SendFailedException listing it among the invalid addresses.
     */
    static boolean refusedForGood(Throwable e) {
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
