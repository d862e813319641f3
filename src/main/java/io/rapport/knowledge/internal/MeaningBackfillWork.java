package io.rapport.knowledge.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meaning backfill's work (ADR 33): a db-scheduler task, so one node at a time does it, that while the walk runs
 * takes solved tickets a page at a time, newest first, works out the vectors of those without one, and commits them
 * with their change-log notes (so every node's index takes them up) and the walk's progress. Throttled: after a page
 * that took t it waits t × (1 − share) / share.
 */
@Configuration(proxyBeanMethods = false)
class MeaningBackfillWork {

    private static final Logger log = LoggerFactory.getLogger(MeaningBackfillWork.class);

    static final int PAGE = 10;
    /** One run's length at most: db-scheduler waits for a running task at shutdown, up to 10 s. */
    static final Duration SLICE = Duration.ofSeconds(8);

    private final MeaningBackfillStore store;
    private final Tickets tickets;
    private final ProblemMeanings meanings;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final double share;

    MeaningBackfillWork(
            MeaningBackfillStore store,
            Tickets tickets,
            ProblemMeanings meanings,
            ChangeLog changes,
            TransactionTemplate transaction,
            @Value("${rapport.meanings.backfill.share:0.5}") double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("rapport.meanings.backfill.share must be above 0 and at most 1");
        }
        this.store = store;
        this.tickets = tickets;
        this.meanings = meanings;
        this.changes = changes;
        this.transaction = transaction;
        this.share = share;
    }

    @Bean
    RecurringTask<Void> meaningBackfillTask(@Value("${rapport.meanings.backfill.check:2s}") Duration every) {
        return Tasks.recurring("meaning-backfill", FixedDelay.of(every))
                .execute((instance, context) ->
                        slice(() -> context.getSchedulerState().isShuttingDown()));
    }

    /** Works pages until the slice is over, the walk is not running, or the node is stopping. */
    void slice(BooleanSupplier stopping) {
        long end = System.nanoTime() + SLICE.toNanos();
        while (System.nanoTime() < end && !stopping.getAsBoolean()) {
            if (!page(stopping)) {
                return;
            }
        }
    }

    /** One page of the walk; false when there is nothing more to do now. */
    boolean page(BooleanSupplier stopping) {
        Long below = store.runningBelow();
        if (below == null) {
            return false;
        }
        long started = System.nanoTime();
        List<Long> ids = tickets.solvedIdsBefore(below, PAGE);
        if (ids.isEmpty()) {
            store.finish(below);
            log.info("Meanings of earlier tickets: done");
            return false;
        }
        Map<Long, float[]> known = meanings.of(ids);
        List<Long> missing = new ArrayList<>();
        ids.stream().filter(id -> !known.containsKey(id)).forEach(missing::add);
        Map<Long, float[]> worked = new LinkedHashMap<>();
        Map<Long, java.time.Instant> created = new LinkedHashMap<>();
        for (TicketDocument d : missing.isEmpty() ? List.<TicketDocument>of() : tickets.documents(missing)) {
            try {
                worked.put(d.id(), Meaning.of(Meaning.problemText(d)));
                created.put(d.id(), d.createdAt());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Meanings of earlier tickets: the model could not run; stopped: {}", e.toString());
                store.fail("the meaning model could not run: " + e);
                return false;
            }
        }
        if (!sleep(pause(System.nanoTime() - started, share), stopping)) {
            return false; // stopping: this page is done again at the next start
        }
        long spent = (System.nanoTime() - started) / 1_000_000;
        long to = ids.getLast();
        Boolean counted = transaction.execute(tx -> {
            worked.forEach((id, vector) -> {
                meanings.put(id, vector, created.get(id));
                changes.note(ChangeLog.TICKET, id);
            });
            if (!store.advance(below, to, ids.size(), worked.size(), spent)) {
                tx.setRollbackOnly();
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(counted);
    }

    /** How long to wait after work that took {@code busyNanos}, so that work is {@code share} of the time. */
    static long pause(long busyNanos, double share) {
        return share >= 1 ? 0 : (long) (Math.max(0, busyNanos) * (1 - share) / share);
    }

    /** Waits, in steps, for as long as the node is not stopping; false if it is. */
    private static boolean sleep(long nanos, BooleanSupplier stopping) {
        long end = System.nanoTime() + nanos;
        try {
            while (!stopping.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
