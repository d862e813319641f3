package io.rapport.jobs.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Looks after Spring Modulith's event publication registry, once across all nodes (each is a db-scheduler task):
 *
 * <ul>
 *   <li>a failed publication (a customer mail that met a mail server outage) is handed back to its listener, with a
 *       wait that doubles after each attempt (1, 2, 4 ... minutes, at most an hour), up to {@value #MAX_ATTEMPTS}
 *       attempts, after which it stays failed for an operator to see;
 *   <li>a publication stranded by a node that stopped while it was on it (still published or processing a quarter of
 *       an hour later) is handed back too: the registry no longer republishes everything at start, because in a
 *       cluster that would repeat what a live node is doing;
 *   <li>completed publications (proof that a mail went out) are deleted after a week.
 * </ul>
 *
 * Listeners must bear a repeat (a crash between the work and the registry's "completed" repeats it); customer mails
 * are sent once per key (see mail.OutgoingMail#sendOnce).
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationHousekeeping {

    static final int MAX_ATTEMPTS = 10;
    static final Duration STRANDED_AFTER = Duration.ofMinutes(15);
    static final Duration KEEP_COMPLETED = Duration.ofDays(7);

    @Bean
    RecurringTask<Void> resubmitFailedEventPublications(
            FailedEventPublications failed,
            Clock clock,
            @Value("${rapport.events.retry-every:1m}") Duration every,
            @Value("${rapport.events.retry-backoff:1m}") Duration backoff) {
        return Tasks.recurring("event-publications-resubmit-failed", FixedDelay.of(every))
                .execute((instance, context) -> {
                    Instant now = clock.instant();
                    failed.resubmit(ResubmissionOptions.defaults()
                            .withBatchSize(500)
                            .withFilter(p -> p.getCompletionAttempts() < MAX_ATTEMPTS && due(p, now, backoff)));
                });
    }

    @Bean
    RecurringTask<Void> resubmitStrandedEventPublications(IncompleteEventPublications incomplete, Clock clock) {
        return Tasks.recurring("event-publications-resubmit-stranded", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> {
                    Instant before = clock.instant().minus(STRANDED_AFTER);
                    incomplete.resubmitIncompletePublications(
                            p -> EnumSet.of(EventPublication.Status.PUBLISHED, EventPublication.Status.PROCESSING)
                                            .contains(p.getStatus())
                                    && p.getPublicationDate().isBefore(before)
                                    && (p.getLastResubmissionDate() == null
                                            || p.getLastResubmissionDate().isBefore(before)));
                });
    }

    @Bean
    RecurringTask<Void> deleteCompletedEventPublications(CompletedEventPublications completed) {
        return Tasks.recurring("event-publications-delete-completed", FixedDelay.ofHours(6))
                .execute((instance, context) -> completed.deletePublicationsOlderThan(KEEP_COMPLETED));
    }

    /** Whether the publication's wait since its last attempt is over: 1, 2, 4 ... times the backoff, at most 60. */
    static boolean due(EventPublication publication, Instant now, Duration backoff) {
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        long times = Math.min(60, 1L << Math.min(6, Math.max(0, publication.getCompletionAttempts() - 1)));
        return !last.plus(backoff.multipliedBy(times)).isAfter(now);
    }
}
