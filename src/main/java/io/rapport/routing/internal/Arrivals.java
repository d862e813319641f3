package io.rapport.routing.internal;

import io.rapport.common.Times;
import io.rapport.tickets.TicketCreated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A new ticket joins the waiting list inside the transaction that creates it (one row, kept or lost with the ticket:
 * nothing can drop it), and, when anyone could take it, is routed right after that commits, on the same thread, so the
 * next read of the ticket shows its assignee (ADR 24). When nobody is available nothing more is done now: whoever
 * comes online gets the waiting tickets at once ({@link Comebacks}). If routing fails or the node stops first, the
 * retry task finds the ticket on the list.
 */
@Component
class Arrivals {

    private static final Logger log = LoggerFactory.getLogger(Arrivals.class);

    private final Assignment assignment;
    private final Decisions decisions;
    private final Clock clock;
    private final Duration retry;

    Arrivals(
            Assignment assignment,
            Decisions decisions,
            @Value("${rapport.routing.retry-every:30s}") Duration retry,
            Clock clock) {
        this.assignment = assignment;
        this.decisions = decisions;
        this.retry = retry;
        this.clock = clock;
    }

    @EventListener
    void on(TicketCreated event) {
        Instant now = Times.now(clock);
        boolean someone = assignment.anyoneAvailable();
        // the next try comes after a full wait either way: routing right after commit must not race the retry task
        decisions.startWaiting(event.ticketId(), now, now.plus(retry));
        if (!someone) {
            return;
        }
        Runnable route = () -> {
            try {
                assignment.route(event.ticketId(), false);
            } catch (RuntimeException e) {
                log.warn("Routing ticket {} failed; it waits for the next try: {}", event.ticketId(), e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    route.run();
                }
            });
        } else {
            route.run();
        }
    }
}
