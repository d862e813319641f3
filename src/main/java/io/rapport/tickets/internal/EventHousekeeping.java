package io.rapport.tickets.internal;

import java.time.Duration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after the event publication registry: failed publications (a customer mail that met a mail server outage) are
 * resubmitted every five minutes, up to {@value #MAX_ATTEMPTS} attempts, and then left failed for an operator to see;
 * completed ones (proof that a mail went out) are kept for a week, then deleted, so the table stays small. Publications
 * interrupted by a shutdown are republished at the next start (spring.modulith.events).
 */
@Component
class EventHousekeeping {

    static final Duration KEEP = Duration.ofDays(7);
    static final int MAX_ATTEMPTS = 10;

    private final CompletedEventPublications completed;
    private final FailedEventPublications failed;

    EventHousekeeping(CompletedEventPublications completed, FailedEventPublications failed) {
        this.completed = completed;
        this.failed = failed;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(Duration.ofMinutes(5))
                .withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS));
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(KEEP);
    }
}
