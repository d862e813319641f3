package io.rapport.sla.internal;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.accounts.Role;
import io.rapport.common.BusinessCalendar;
import io.rapport.common.Times;
import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.OutgoingMail;
import io.rapport.sla.PolicyView;
import io.rapport.sla.Target;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.DeskNotices;
import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEvent;
import io.rapport.tickets.TicketMerged;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's SLA targets (ADR 25). It reacts to ticket events inside the transaction that made them (so the
 * targets change with the ticket, at the ticket's own time): a new ticket gets the most specific active policy's targets; an
 * agent's public reply meets the first and next response; a customer's message starts a next response; pending
 * (waiting on the customer) and solved stop the solution clock, keeping the business time left, and reopening gives
 * it back; closing or merging ends them. Each change sets when to look next ({@code next_check_at}); a db-scheduler
 * task (one node at a time) looks at the tickets whose time has come, under a row lock, and records a breach or sends
 * a warning once per target and due time.
 */
@Service
public class SlaTargets {

    private static final Logger log = LoggerFactory.getLogger(SlaTargets.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SlaStore store;
    private final Tickets tickets;
    private final Customers customers;
    private final Agents agents;
    private final ObjectProvider<DeskNotices> notices;
    private final OutgoingMail mail;
    private final Clock clock;
    private final MessageSource messages;

    SlaTargets(
            SlaStore store,
            Tickets tickets,
            Customers customers,
            Agents agents,
            ObjectProvider<DeskNotices> notices,
            OutgoingMail mail,
            Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
        this.agents = agents;
        this.notices = notices;
        this.mail = mail;
        this.clock = clock;
    }

    private void created(TicketCreated event) {
        if (store.policies().stream().noneMatch(PolicyView::active)
                || store.find(event.ticketId()).isPresent()) {
            return;
        }
        TicketView ticket = tickets.get(event.ticketId());
        Optional<PolicyView> policy = policyFor(ticket);
        if (policy.isEmpty()) {
            return;
        }
        PolicyView p = policy.get();
        boolean agentFirst = agentWroteFirst(ticket);
        BusinessCalendar calendar = store.businessCalendar(p.calendarId());
        SlaState state = SlaState.opened(
                ticket.id(),
                p.id(),
                p.name(),
                p.calendarId(),
                p.firstResponseMinutes(),
                p.solutionMinutes(),
                calendar,
                ticket.createdAt(),
                agentFirst);
        Instant now = Times.now(clock);
        store.insert(state, nextCheck(state, p, calendar, now), now);
    }

    /**
     * A ticket's priority, team or tags changed: when another policy is now the most specific one (an agent raised it
     * to urgent, for one), its targets replace the old ones, counted from when the ticket was opened, with the first
     * response met if an agent has answered and the solution clock stopped if it waits on the customer now. Earlier
     * waits are not subtracted (ADR 25). A ticket no policy matches any more keeps the targets it has.
     */
    private void updated(io.rapport.tickets.TicketUpdated event) {
        if (store.policies().stream().noneMatch(PolicyView::active)) {
            return;
        }
        Optional<SlaState> current = store.lock(event.ticketId());
        if (current.isEmpty()) {
            return; // opened before any policy applied to it: an edit now must not give it targets it never had
        }
        TicketView ticket = tickets.get(event.ticketId());
        if (ticket.status() == TicketStatus.CLOSED || ticket.mergedInto() != null) {
            return;
        }
        Optional<PolicyView> policy = policyFor(ticket);
        if (policy.isEmpty() || current.get().policyId() == policy.get().id()) {
            return;
        }
        PolicyView p = policy.get();
        BusinessCalendar calendar = store.businessCalendar(p.calendarId());
        Instant now = Times.now(clock);
        SlaState state = SlaState.opened(
                ticket.id(),
                p.id(),
                p.name(),
                p.calendarId(),
                p.firstResponseMinutes(),
                p.solutionMinutes(),
                calendar,
                ticket.createdAt(),
                agentWroteFirst(ticket));
        Optional<Instant> firstReply = ticket.messages() == null
                ? Optional.empty()
                : ticket.messages().stream()
                        .filter(m -> m.author().type() == AuthorType.AGENT && m.visibility() == Visibility.PUBLIC)
                        .map(m -> m.createdAt())
                        .findFirst();
        if (firstReply.isPresent()) {
            state = state.agentReplied(firstReply.get());
        }
        if (ticket.status() == TicketStatus.PENDING || ticket.status() == TicketStatus.SOLVED) {
            state = state.stopped(now, calendar, ticket.status() == TicketStatus.SOLVED);
        }
        store.delete(ticket.id());
        store.insert(state, nextCheck(state, p, calendar, now), now);
        log.debug("Ticket {} now under SLA policy {}", ticket.id(), p.name());
    }

    private static boolean agentWroteFirst(TicketView ticket) {
        return ticket.messages() != null
                && !ticket.messages().isEmpty()
                && ticket.messages().getFirst().author().type() == AuthorType.AGENT
                && ticket.messages().getFirst().visibility() == Visibility.PUBLIC;
    }

    /**
     * Every ticket event, inside the transaction that made it (so the targets change with the ticket, at the ticket's
     * time, and cost no event publication of their own). A failure here is logged and the ticket's change stands; a
     * database error fails the transaction like any other part of the change (no savepoint: Spring sorts every
     * registered synchronization at each one, which made a long transaction, such as the demo's, quadratic).
     */
    @EventListener
    public void on(TicketEvent event) {
        if (!(event instanceof TicketCreated
                        || event instanceof io.rapport.tickets.TicketUpdated
                        || event instanceof AgentReplied
                        || event instanceof MessageReceived
                        || event instanceof TicketStatusChanged
                        || event instanceof TicketMerged)
                || store.policies().isEmpty()) {
            return; // no policy has ever been made: no ticket has targets
        }
        try {
            apply(event);
        } catch (org.springframework.dao.DataAccessException e) {
            throw e; // the transaction is broken already (PostgreSQL): the change fails as a whole, not at commit
        } catch (RuntimeException e) {
            log.warn("SLA targets of ticket {} not updated after {}: {}", event.ticketId(), event, e.toString());
        }
    }

    private void apply(TicketEvent event) {
        switch (event) {
            case TicketCreated created -> created(created);
            case io.rapport.tickets.TicketUpdated updated -> updated(updated);
            case AgentReplied replied -> change(replied.ticketId(), (s, cal, p, now) -> s.agentReplied(now));
            case MessageReceived received ->
                change(received.ticketId(), (s, cal, p, now) -> s.customerWrote(now, p.nextResponseMinutes(), cal));
            case TicketStatusChanged changed ->
                change(changed.ticketId(), (s, cal, p, now) -> switch (changed.to()) {
                    case PENDING -> s.stopped(now, cal, false);
                    case SOLVED -> s.stopped(now, cal, true);
                    case CLOSED -> s.ended();
                    case NEW, OPEN -> s.resumed(now, cal);
                });
            case TicketMerged merged -> change(merged.ticketId(), (s, cal, p, now) -> s.ended());
            default -> {}
        }
    }

    /** One step of a ticket's targets. */
    @FunctionalInterface
    interface Step {
        SlaState apply(SlaState state, BusinessCalendar calendar, PolicyView policy, Instant now);
    }

    private void change(long ticketId, Step step) {
        Optional<SlaState> locked = store.lock(ticketId);
        if (locked.isEmpty()) {
            return;
        }
        SlaState state = locked.get();
        PolicyView policy = store.policy(state.policyId()).orElseThrow();
        BusinessCalendar calendar = store.businessCalendar(state.calendarId());
        Instant now = Times.now(clock);
        SlaState next = step.apply(state, calendar, policy, now);
        store.update(next, nextCheck(next, policy, calendar, now), now);
    }

    private Instant nextCheck(SlaState state, PolicyView policy, BusinessCalendar calendar, Instant now) {
        return state.nextCheck(
                now,
                calendar,
                minutes(policy),
                store.breachKeys(state.ticketId()),
                store.warningKeys(state.ticketId()));
    }

    private static Map<Target, Integer> minutes(PolicyView p) {
        Map<Target, Integer> minutes = new EnumMap<>(Target.class);
        minutes.put(Target.FIRST_RESPONSE, p.firstResponseMinutes());
        minutes.put(Target.SOLUTION, p.solutionMinutes());
        if (p.nextResponseMinutes() != null) {
            minutes.put(Target.NEXT_RESPONSE, p.nextResponseMinutes());
        }
        return minutes;
    }

    /**
     * The most specific active policy for the ticket: organization and priority, then organization, then priority,
     * then one with neither; the oldest among equals.
     */
    Optional<PolicyView> policyFor(TicketView ticket) {
        List<PolicyView> active =
                store.policies().stream().filter(PolicyView::active).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Long organization = null;
        try {
            CustomerView customer = customers.get(ticket.customer().id());
            organization = customer.organization() == null
                    ? null
                    : customer.organization().id();
        } catch (RuntimeException e) {
            log.debug("No customer for ticket {}", ticket.id());
        }
        Long org = organization;
        String priority = ticket.priority().code();
        return active.stream()
                .filter(p -> p.organizationId() == null || p.organizationId().equals(org))
                .filter(p -> p.priority() == null || p.priority().equals(priority))
                .min(Comparator.comparingInt(
                                (PolicyView p) -> (p.organizationId() == null ? 2 : 0) + (p.priority() == null ? 1 : 0))
                        .thenComparingLong(PolicyView::id));
    }

    /** A check that failed: looked at again in a minute. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void postpone(long ticketId) {
        store.postpone(ticketId, Times.now(clock).plus(java.time.Duration.ofMinutes(1)));
    }

    /** Tickets whose time to look has come (for the recurring task). */
    public List<Long> due(int limit) {
        return store.due(Times.now(clock), limit);
    }

    /** Records what is due on the ticket now, once: breaches, then warnings (notice and mail); sets the next look. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void check(long ticketId) {
        Optional<SlaState> locked = store.lock(ticketId);
        if (locked.isEmpty()) {
            return;
        }
        SlaState state = locked.get();
        PolicyView policy = store.policy(state.policyId()).orElseThrow();
        BusinessCalendar calendar = store.businessCalendar(state.calendarId());
        Instant now = Times.now(clock);
        var breached = store.breachKeys(ticketId);
        var warned = store.warningKeys(ticketId);
        SlaState.Due due = state.due(now, calendar, minutes(policy), breached, warned);
        Map<Target, Instant> running = state.running();
        for (Target t : due.breaches()) {
            store.breach(ticketId, t, running.get(t), now);
            breached.add(SlaState.key(t, running.get(t)));
            log.info("Ticket {}: SLA {} target missed (due {})", ticketId, t.code(), running.get(t));
        }
        if (!due.breaches().isEmpty()) {
            tell(ticketId, due.breaches(), running, "sla.notice.breached", false);
        }
        for (Target t : due.warnings()) {
            store.warned(ticketId, t, running.get(t), now);
            warned.add(SlaState.key(t, running.get(t)));
        }
        if (!due.warnings().isEmpty()) {
            tell(ticketId, due.warnings(), running, "sla.notice.warning", true);
        }
        store.update(state, state.nextCheck(now, calendar, minutes(policy), breached, warned), now);
    }

    /** Tells the assignee and the supervisors on their desk pages; warnings also go to the supervisors by mail. */
    private void tell(long ticketId, List<Target> targets, Map<Target, Instant> due, String key, boolean mailToo) {
        TicketView ticket = tickets.summary(ticketId);
        List<AgentView> supervisors = supervisors(ticket.teamId());
        java.util.Set<Long> told = new java.util.LinkedHashSet<>();
        if (ticket.assigneeId() != null) {
            told.add(ticket.assigneeId());
        }
        supervisors.forEach(s -> told.add(s.id()));
        // the targets' names in each reader's language: a desk page and a mail resolve them as they are written
        MessageSourceResolvable what = names(targets);
        Instant first =
                targets.stream().map(due::get).min(Comparator.naturalOrder()).orElseThrow();
        DeskNotices desk = notices.getIfAvailable();
        if (desk != null) {
            desk.tell(told, ticketId, key, what, WHEN.format(first));
        }
        if (!mailToo) {
            return;
        }
        for (AgentView s : supervisors) {
            Locale locale = agents.locale(s.id());
            Object[] args = {
                ticket.number(),
                ticket.subject(),
                ticket.customer().name(),
                what,
                WHEN.format(first),
                mail.link("/tickets/" + ticket.number())
            };
            try {
                mail.sendOnce(
                        "sla-warning:" + ticketId + ":" + targets.getFirst().code() + ":" + first.toEpochMilli() + ":"
                                + s.id(),
                        new Mail(
                                s.email(),
                                messages.getMessage("sla.mail.warning.subject", args, locale),
                                messages.getMessage(
                                        ticket.assigneeId() == null
                                                ? "sla.mail.warning.unassigned"
                                                : "sla.mail.warning.body",
                                        args,
                                        locale)));
            } catch (MailNotSent e) {
                log.warn("SLA warning for ticket {} not mailed to {}: {}", ticketId, s.email(), e.getMessage());
            }
        }
    }

    /** "first response", "first response and solution": the targets' names, resolved in the reader's language. */
    static MessageSourceResolvable names(List<Target> targets) {
        Object[] each = targets.stream()
                .map(t -> new DefaultMessageSourceResolvable("sla.target." + t.code()))
                .toArray();
        String code = switch (each.length) {
            case 1 -> "sla.target.one";
            case 2 -> "sla.target.two";
            default -> "sla.target.three";
        };
        return new DefaultMessageSourceResolvable(new String[] {code}, each);
    }

    /** The supervisors of the ticket's team, or every supervisor when it has no team or its team has none. */
    private List<AgentView> supervisors(Long teamId) {
        List<AgentView> all = agents.list().stream()
                .filter(a -> a.active() && a.role() == Role.SUPERVISOR)
                .toList();
        List<AgentView> ofTeam = teamId == null
                ? List.of()
                : all.stream().filter(a -> a.teamIds().contains(teamId)).toList();
        return ofTeam.isEmpty() ? all : ofTeam;
    }
}
