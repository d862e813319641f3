package io.rapport.channels.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Fetches every mailbox when its poll interval is due, and at once when a server that offers IMAP IDLE says new
 * mail came, each on a thread of its own, so a slow or broken mailbox
 * never delays the others; its error shows on the mailbox. A db-scheduler task (ADR 12) looks every few seconds for
 * due mailboxes and for stored mails not yet applied (left by a crash). Mails are applied one at a time per node, in
 * the order they came, beside the fetching.
 */
@Configuration(proxyBeanMethods = false)
class MailPolling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    /** Stored mails applied per round; the lanes of a round all end before the next begins. */
    static final int APPLY_ROUND = 1000;

    private final Mailboxes mailboxes;
    private final ImapFetcher fetcher;
    private final Intake intake;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** The threads waiting on a server's news, with the settings they started from. */
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();

    private record Listener(Thread thread, Instant settingsOf) {}

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
                startFetch(access);
            }
            listen(mailboxes.listening());
            requestApply();
        });
    }

    private void startFetch(Mailboxes.Access access) {
        if (running.add(access.mailbox().id())) {
            workers.submit(() -> fetch(access));
        }
    }

    /**
     * Keeps one listener per active mailbox whose server pushes news. A mailbox deactivated, removed or changed since
     * its listener started (on this node or another) has it stopped; a changed one gets a new one with its settings.
     */
    private void listen(List<Mailboxes.Access> wanted) {
        Map<Long, Mailboxes.Access> byId = new HashMap<>();
        wanted.forEach(a -> byId.put(a.mailbox().id(), a));
        listeners.forEach((id, listener) -> {
            Mailboxes.Access now = byId.get(id);
            if (now == null || !now.mailbox().updatedAt().equals(listener.settingsOf())) {
                listener.thread().interrupt();
            }
        });
        for (Mailboxes.Access access : wanted) {
            long id = access.mailbox().id();
            if (!listeners.containsKey(id)) {
                Thread thread = Thread.ofVirtual().name("email-idle-" + id).unstarted(() -> listen(access));
                if (listeners.putIfAbsent(
                                id, new Listener(thread, access.mailbox().updatedAt()))
                        == null) {
                    thread.start();
                }
            }
        }
    }

    /**
     * Waits for the server's news (IMAP IDLE) and fetches at once when it comes, so new mail is a ticket within
     * seconds, not at the next poll; the poll stays as the safety net. Ends at the first error; the next tick starts
     * it again, and the fetch's own error shows on the mailbox.
     */
    private void listen(Mailboxes.Access access) {
        long id = access.mailbox().id();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                // deactivated or changed since (also by another node): this listener ends, the next tick starts anew
                Mailboxes.Access now;
                try {
                    now = mailboxes.access(id);
                } catch (io.rapport.common.NotFound removed) {
                    return;
                }
                if (!now.mailbox().active()
                        || !now.mailbox().updatedAt().equals(access.mailbox().updatedAt())) {
                    return;
                }
                startFetch(now); // what came before the wait began is not news to the server
                fetcher.awaitNews(access);
                if (System.nanoTime() - started < 1_000_000_000L) {
                    Thread.sleep(1000); // a server that answers an IDLE at once must not be asked in a tight loop
                }
            }
        } catch (Exception e) {
            log.debug("Waiting for news of mailbox {} ended: {}", id, e.toString());
        } finally {
            listeners.remove(id);
        }
    }

    private void fetch(Mailboxes.Access access) {
        long id = access.mailbox().id();
        try {
            ImapFetcher.Result result;
            // as stored now: the position fetching got to, and not at all once deactivated
            Mailboxes.Access current = mailboxes.access(id);
            if (!current.mailbox().active()) {
                return;
            }
            do {
                result = fetcher.fetch(current, this::requestApply);
                mailboxes.fetched(id, Times.now(clock), result.stored(), result.idle());
                requestApply(); // applying goes on beside the next fetch
                current = result.more() ? mailboxes.access(id) : current; // where the fetch got to
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
                    for (int round = 0; round < 100 && intake.applyWaiting(APPLY_ROUND) == APPLY_ROUND; round++) {
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
        listeners.values().forEach(l -> l.thread().interrupt());
        workers.shutdownNow();
    }
}
