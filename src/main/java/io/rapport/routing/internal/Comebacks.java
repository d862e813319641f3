package io.rapport.routing.internal;

import io.rapport.accounts.AgentPresenceChanged;
import io.rapport.accounts.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Someone came online: the tickets waiting for someone are offered again at once (longest-waiting first), not at
 * their next try. Each ticket is routed in its own transaction, so one that fails does not hold the others.
 */
@Component
class Comebacks {

    private static final Logger log = LoggerFactory.getLogger(Comebacks.class);
    static final int AT_ONCE = 200;

    private final Assignment assignment;
    private final Decisions decisions;

    Comebacks(Assignment assignment, Decisions decisions) {
        this.assignment = assignment;
        this.decisions = decisions;
    }

    /** At once, in the change's own transaction: the next decision must not see the agent as they were. */
    @org.springframework.context.event.EventListener
    void forget(AgentPresenceChanged event) {
        assignment.forgetStaff();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentPresenceChanged event) {
        assignment.forgetStaff();
        if (event.to() != Presence.ONLINE) {
            return;
        }
        for (long ticketId : decisions.waitingTickets(AT_ONCE)) {
            try {
                assignment.route(ticketId, false);
            } catch (RuntimeException e) {
                log.warn("Routing ticket {} failed; it stays in its queue: {}", ticketId, e.toString());
            }
        }
    }
}
