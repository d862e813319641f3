package io.rapport.channels.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fetches every mailbox when its poll interval is due, each on a thread of its own, so a slow or broken mailbox
 * never delays the others; its error shows on the mailbox. A db-scheduler task (ADR 12) looks every few seconds for
 * due mailboxes and for stored mails not yet applied (left by a crash). Mails are applied one at a time per node, in
 * the order they came, beside the fetching.
 */
@Configuration(proxyBeanMethods = false)
class MailPolling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    private final Mailboxes mailboxes;
    private final ImapFetcher fetcher;
    private final Intake intake;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.concurrent.atomic.AtomicBoolean applyRequested =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean applying = new java.util.concurrent.atomic.AtomicBoolean();

    MailPolling(Mailboxes mailboxes, ImapFetcher fetcher, Intake intake, Clock clock) {
        this.mailboxes = mailboxes;
        this.fetcher = fetcher;
        this.intake = intake;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> emailFetch(@Value("${rapport.email.fetch-check:5s}") Duration every) {
        return Tasks.recurring("email-fetch", FixedDelay.of(every)).execute((instance, context) -> {
            for (Mailboxes.Access access : mailboxes.due(Times.now(clock))) {
                if (running.add(access.mailbox().id())) {
                    workers.submit(() -> fetch(access));
                }
            }
            requestApply();
        });
    }

    private void fetch(Mailboxes.Access access) {
        long id = access.mailbox().id();
        try {
            ImapFetcher.Result result;
            do {
                result = fetcher.fetch(access);
                mailboxes.fetched(id, Times.now(clock), result.stored(), result.idle());
                requestApply(); // applying goes on beside the next fetch
            } while (result.more());
        } catch (Exception e) {
            log.warn("Fetching mailbox {} ({}) failed: {}", id, access.mailbox().address(), e.toString());
            mailboxes.failed(id, Times.now(clock), describe(e));
        } finally {
            running.remove(id);
        }
    }

    /**
     * Applies stored mails on one worker per node, beside the fetching: a request while it runs makes it go round once
     * more, so nothing stored is left waiting for the next tick.
     */
    private void requestApply() {
        applyRequested.set(true);
        if (!applying.compareAndSet(false, true)) {
            return;
        }
        workers.submit(() -> {
            try {
                while (applyRequested.getAndSet(false)) {
                    for (int round = 0; round < 100 && intake.applyWaiting(200) == 200; round++) {
                        // more waiting: go on, but hand the worker back now and then
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Applying stored mail failed: {}", e.toString());
            } finally {
                applying.set(false);
            }
        });
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
