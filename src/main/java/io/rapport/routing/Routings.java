package io.rapport.routing;

import io.rapport.common.NotFound;
import io.rapport.routing.internal.Decisions;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads routing's decisions: why a ticket went to whom, or why it waits. */
@Service
public class Routings {

    private final Decisions decisions;
    private final Tickets tickets;

    Routings(Decisions decisions, Tickets tickets) {
        this.decisions = decisions;
        this.tickets = tickets;
    }

    /**
     * The latest decision on the ticket. A ticket routing never weighed (opened before routing ran, or assigned by a
     * person at once) says so, with its current assignee.
     */
    @Transactional(readOnly = true)
    public RoutingView explain(long ticketId) {
        if (!tickets.exists(ticketId)) {
            throw NotFound.of("ticket", ticketId);
        }
        return decisions.find(ticketId).orElseGet(() -> {
            TicketView t = tickets.summary(ticketId);
            var waiting = decisions.waiting(ticketId);
            if (waiting.isPresent() && t.assigneeId() == null) {
                return new RoutingView(
                        ticketId,
                        null,
                        "waiting",
                        "none",
                        t.language(),
                        Map.of(),
                        waiting.get().minTier(),
                        t.teamId(),
                        List.of(
                                "nobody was available when it came in",
                                t.teamId() == null ? "waits in the queue" : "waits in the team's queue",
                                "offered to the first who comes online"),
                        List.of(),
                        waiting.get().since());
            }
            return new RoutingView(
                    ticketId,
                    t.assigneeId(),
                    "none",
                    "none",
                    t.language(),
                    Map.of(),
                    1,
                    t.teamId(),
                    List.of(
                            t.assigneeId() == null
                                    ? "routing has not weighed this ticket"
                                    : "assigned by a person, not by routing"),
                    List.of(),
                    null);
        });
    }
}
