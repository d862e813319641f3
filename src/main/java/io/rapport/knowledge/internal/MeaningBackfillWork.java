package io.rapport.knowledge.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import java.time.Instant;
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
 * The meaning backfill's work (ADR 33). A db-scheduler task, so one node at a time does it: it checks every few
 * seconds whether the walk runs, and while it does, one execution walks on (db-scheduler's heartbeats keep it; another
 * node takes it up if this one dies). It reads the tickets {@value #SPAN} at a time along their ids, newest first,
 * works out the vectors of the solved ones without one, and commits them with their change-log notes (so every node's
 * index takes them up) and the walk's progress. Throttled: after a page whose work took t it waits
 * t × (1 − share) / share.
 */
@Configuration(proxyBeanMethods = false)
class MeaningBackfillWork {

    private static final Logger log = LoggerFactory.getLogger(MeaningBackfillWork.class);

    /** Tickets read per page: a page's vectors, notes and progress commit together, and a pause waits for it. */
    static final int SPAN = 50;

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
                        walk(() -> context.getSchedulerState().isShuttingDown()));
    }

    /** Works page after page while the walk runs and the node is not stopping. */
    void walk(BooleanSupplier stopping) {
        while (!stopping.getAsBoolean() && page(stopping)) {
            // on to the next page
        }
    }

    /**
     * One page of the walk; false when there is nothing more to do now. Whatever fails but the model (the database,
     * say) stops the walk as failed, with the reason for the admin to read; resuming does that page again.
     */
    boolean page(BooleanSupplier stopping) {
        try {
            MeaningBackfillStore.Walk walk = store.running();
            if (walk == null) {
                return false;
            }
            if (walk.toLookAt() == null) {
                store.counted(walk.topId(), tickets.countSolvedBefore(walk.topId()));
            }
            return page(walk.belowId(), stopping);
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                // the node is stopping (its pool closing, its thread interrupted): the walk goes on at the next start
                log.info("Meanings of earlier tickets: paused by the node stopping: {}", e.toString());
                return false;
            }
            log.warn("Meanings of earlier tickets: stopped: {}", e.toString());
            try {
                store.fail(e.toString());
            } catch (RuntimeException again) {
                log.warn("Meanings of earlier tickets: could not note the failure: {}", again.toString());
            }
            return false;
        }
    }

    private boolean page(long below, BooleanSupplier stopping) {
        long started = System.nanoTime();
        Tickets.SolvedWindow window = tickets.solvedBelow(below, SPAN);
        if (window.lowestId() == 0) {
            store.finish(below);
            log.info("Meanings of earlier tickets: done");
            return false;
        }
        Map<Long, float[]> known = meanings.of(window.solved());
        List<Long> missing = new ArrayList<>();
        window.solved().stream().filter(id -> !known.containsKey(id)).forEach(missing::add);
        Map<Long, float[]> worked = new LinkedHashMap<>();
        Map<Long, Instant> created = new LinkedHashMap<>();
        int skipped = 0;
        for (TicketDocument d : missing.isEmpty() ? List.<TicketDocument>of() : tickets.documents(missing)) {
            try {
                worked.put(d.id(), Meaning.of(Meaning.problemText(d)));
                created.put(d.id(), d.createdAt());
            } catch (LinkageError e) {
                // no native library for this platform: no ticket will have a meaning here
                log.warn("Meanings of earlier tickets: the model cannot run here; stopped: {}", e.toString());
                store.fail("the meaning model cannot run on this node: " + e);
                return false;
            } catch (RuntimeException e) {
                skipped++;
                log.warn("Meanings of earlier tickets: none for ticket {}, left out: {}", d.id(), e.toString());
            }
        }
        if (!sleep(pause(System.nanoTime() - started, share), stopping)) {
            return false; // stopping: this page is done again at the next start
        }
        long spent = (System.nanoTime() - started) / 1_000_000;
        int skippedHere = skipped;
        Boolean counted = transaction.execute(tx -> {
            int stored = 0;
            for (Map.Entry<Long, float[]> e : worked.entrySet()) {
                if (meanings.put(e.getKey(), e.getValue(), created.get(e.getKey()))) {
                    changes.note(ChangeLog.TICKET, e.getKey());
                    stored++;
                }
            }
            if (!store.advance(below, window.lowestId(), window.solved().size(), stored, skippedHere, spent)) {
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
