package io.rapport.channels.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.common.Times;
import io.rapport.mail.Letter;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.OutgoingMail;
import io.rapport.mail.SmtpServer;
import io.rapport.tickets.AttachmentContent;
import io.rapport.tickets.Tickets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends the outbox by each mailbox's SMTP: a db-scheduler task (ADR 12) claims due mails, sends each, and marks it
 * sent; a passing failure (server down, timeout) waits 1 minute, doubling up to an hour, and is tried again; a
 * refusal for good marks it failed, shown on the message. With the server down for minutes, every mail goes out
 * afterwards, once.
 */
@Configuration(proxyBeanMethods = false)
class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);
    /** Mails claimed and sent over one connection at a time: a crash between sending and marking resends them. */
    static final int BATCH = 25;

    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final Outbox outbox;
    private final Mailboxes mailboxes;
    private final Tickets tickets;
    private final OutgoingMail mail;
    private final Clock clock;
    private final Duration firstWait;

    MailSending(
            Outbox outbox,
            Mailboxes mailboxes,
            Tickets tickets,
            OutgoingMail mail,
            Clock clock,
            @Value("${rapport.email.retry-after:1m}") Duration firstWait) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.tickets = tickets;
        this.mail = mail;
        this.clock = clock;
        this.firstWait = firstWait;
    }

    @Bean
    RecurringTask<Void> emailSend(@Value("${rapport.email.send-check:2s}") Duration every) {
        return Tasks.recurring("email-send", FixedDelay.of(every)).execute((instance, context) -> sendDue());
    }

    void sendDue() {
        List<Outbox.Due> due;
        do {
            due = outbox.claimDue(Times.now(clock), BATCH);
            Map<Long, List<Outbox.Due>> byMailbox = new LinkedHashMap<>();
            due.forEach(d -> byMailbox
                    .computeIfAbsent(d.mail().mailboxId(), k -> new ArrayList<>())
                    .add(d));
            byMailbox.forEach(this::send);
        } while (due.size() == BATCH);
    }

    /** Sends a mailbox's claimed mails over one connection, then marks those the server took as sent, together. */
    private void send(long mailboxId, List<Outbox.Due> due) {
        Mailboxes.Access access;
        try {
            access = mailboxes.access(mailboxId);
        } catch (RuntimeException e) {
            // a mailbox whose password no longer decrypts: the admin has to act
            due.forEach(d -> cannotSend(d, e));
            return;
        }
        List<Outbox.Due> ready = new ArrayList<>();
        List<Letter> letters = new ArrayList<>();
        for (Outbox.Due d : due) {
            try {
                letters.add(letter(d.mail(), access.mailbox()));
                ready.add(d);
            } catch (RuntimeException e) {
                cannotSend(d, e); // an attachment gone
            }
        }
        List<MailNotSent> outcome = mail.sendAll(letters, server(access));
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            if (outcome.get(i) == null) {
                sent.add(ready.get(i).id());
            }
        }
        // what the server took is marked first: a failure recording the others must not make it go out twice
        outbox.sent(sent, Times.now(clock));
        for (int i = 0; i < ready.size(); i++) {
            Outbox.Due d = ready.get(i);
            MailNotSent failure = outcome.get(i);
            if (failure == null) {
                continue;
            }
            try {
                if (failure.permanent()) {
                    log.warn("The server refused mail {} for good: {}", d.mail().key(), failure.getMessage());
                    outbox.failed(d.id(), failure.getMessage());
                } else {
                    Instant next = Times.now(clock).plus(wait(d.attempts()));
                    log.info(
                            "Mail {} not sent, trying again at {}: {}", d.mail().key(), next, failure.getMessage());
                    outbox.retryLater(d.id(), failure.getMessage(), next);
                }
            } catch (RuntimeException e) {
                // left claimed: taken over and tried again after the stale-claim time
                log.warn("Could not record the failure of mail {}: {}", d.mail().key(), e.toString());
            }
        }
    }

    private void cannotSend(Outbox.Due d, RuntimeException e) {
        log.warn("Mail {} cannot be sent: {}", d.mail().key(), e.toString());
        outbox.retryLater(d.id(), e.getMessage(), Times.now(clock).plus(LONGEST_WAIT));
    }

    /** 1 minute after the first failure, doubling, at most an hour. */
    Duration wait(int attempts) {
        Duration wait = firstWait;
        for (int i = 0; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Letter letter(Outbox.Queued m, Mailbox mailbox) {
        List<Letter.File> files = new ArrayList<>();
        for (long id : m.attachmentIds()) {
            AttachmentContent content = tickets.attachmentOf(m.ticketId(), id);
            files.add(new Letter.File(
                    content.attachment().filename(),
                    content.attachment().contentType(),
                    () -> Files.newInputStream(content.file())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Rapport-Loop", mailbox.address());
        if (m.automatic()) {
            headers.put("Auto-Submitted", "auto-generated");
            headers.put("X-Auto-Response-Suppress", "All");
        }
        return new Letter(
                mailbox.address(),
                m.fromName(),
                m.to(),
                m.cc(),
                m.subject(),
                m.text(),
                m.html(),
                m.messageId(),
                m.inReplyTo(),
                m.references(),
                headers,
                files);
    }

    private static SmtpServer server(Mailboxes.Access access) {
        Mailbox.Server smtp = access.mailbox().smtp();
        String user = access.smtpUsername();
        String password =
                access.smtpPassword() != null ? access.smtpPassword() : user == null ? null : access.imapPassword();
        return new SmtpServer(
                smtp.host(),
                smtp.port(),
                smtp.security() == Security.SSL,
                smtp.security() == Security.STARTTLS,
                user,
                password,
                smtp.verifyCertificate());
    }
}
