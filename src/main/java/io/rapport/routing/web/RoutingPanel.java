package io.rapport.routing.web;

import io.rapport.accounts.Agents;
import io.rapport.routing.RoutingView;
import io.rapport.routing.Routings;
import io.rapport.tickets.TicketPanel;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The ticket page's "Routing" panel: who routing chose and why, or why the ticket waits, and the best candidates. */
@Component
class RoutingPanel implements TicketPanel {

    private final Routings routings;
    private final Agents agents;
    private final MessageSource messages;

    RoutingPanel(Routings routings, Agents agents, MessageSource messages) {
        this.routings = routings;
        this.agents = agents;
        this.messages = messages;
    }

    @Override
    public Optional<Panel> panel(long ticketId, Locale language) {
        RoutingView v = routings.explain(ticketId, language);
        if (v.outcome().equals("none")) {
            return Optional.empty();
        }
        String summary = switch (v.outcome()) {
            case "assigned" ->
                messages.getMessage(
                        "routing.panel.assigned",
                        new Object[] {
                            v.assigneeId() == null
                                    ? "?"
                                    : agents.find(v.assigneeId())
                                            .map(a -> a.name())
                                            .orElse("?")
                        },
                        language);
            case "waiting" -> messages.getMessage("routing.panel.waiting", null, language);
            default -> messages.getMessage("routing.panel.queued", null, language);
        };
        return Optional.of(new Panel(
                10,
                "routing",
                messages.getMessage("routing.panel.title", null, language),
                summary,
                v.reasons(),
                v.candidates().stream()
                        .map(c -> new Entry(
                                c.name(),
                                messages.getMessage(
                                        "routing.panel.score", new Object[] {Math.round(c.score())}, language),
                                c.reasons()))
                        .toList()));
    }
}
