package io.rapport.tickets.internal;

import java.time.Duration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completed event publications (proof that a customer mail went out) are kept for a week, then deleted, so the table
 * stays small. Incomplete ones are never touched here: they are retried on restart.
 */
@Component
class EventHousekeeping {

    static final Duration KEEP = Duration.ofDays(7);

    private final CompletedEventPublications completed;

    EventHousekeeping(CompletedEventPublications completed) {
        this.completed = completed;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(KEEP);
    }
}
