package io.rapport.sla.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.common.PageRequest;
import io.rapport.sla.Slas;
import io.rapport.sla.TicketSla;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * An agent's own queue with its targets (issue 9, point 6), soonest due first: what to answer next, and what is late.
 * Only their own: nothing here compares them with anyone.
 */
@Controller
class MyTargetsPage {

    static final int SHOWN = 200;

    /** One ticket's line: the ticket, its targets (null: no policy), the next one due and how long is left. */
    record Line(TicketView ticket, TicketSla sla, TicketSla.Next next, Duration left) {

        public boolean late() {
            return left != null && left.isNegative();
        }

        /** How long until it is due, or how long it is overdue. */
        public Duration leftOrOver() {
            return left == null ? null : late() ? left.negated() : left;
        }
    }

    private final Tickets tickets;
    private final Slas slas;
    private final Agents agents;
    private final Clock clock;

    MyTargetsPage(Tickets tickets, Slas slas, Agents agents, Clock clock) {
        this.tickets = tickets;
        this.slas = slas;
        this.agents = agents;
        this.clock = clock;
    }

    @GetMapping("/my-targets")
    String page(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        List<TicketView> mine = tickets.find(TicketQuery.all(new PageRequest(0, SHOWN))
                        .withAssignee(me.id())
                        .withStatuses(Set.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING)))
                .items();
        Map<Long, TicketSla> targets =
                slas.forTickets(mine.stream().map(TicketView::id).toList());
        Instant now = clock.instant();
        List<Line> lines = mine.stream()
                .map(t -> {
                    TicketSla sla = targets.get(t.id());
                    TicketSla.Next next = sla == null ? null : sla.next();
                    return new Line(t, sla, next, next == null ? null : Duration.between(now, next.dueAt()));
                })
                .sorted(Comparator.comparing((Line l) ->
                                l.next() == null ? Instant.MAX : l.next().dueAt())
                        .thenComparing(l -> l.ticket().number()))
                .toList();
        AgentView agent = agents.get(me.id());
        model.addAttribute("lines", lines);
        model.addAttribute("lateCount", lines.stream().filter(Line::late).count());
        model.addAttribute("open", mine.size());
        model.addAttribute("capacity", agent.capacity());
        return "sla/my-targets";
    }

    @Bean
    static MenuEntry myTargetsEntry() {
        return new MenuEntry(Area.STAFF, 12, "/my-targets", "nav.myTargets", "my-targets", Authorities.STAFF);
    }
}
