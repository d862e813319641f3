package io.rapport.routing.internal;

import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.accounts.LanguageLevel;
import io.rapport.common.Times;
import io.rapport.knowledge.TicketTopics;
import io.rapport.routing.AssignmentMode;
import io.rapport.routing.Candidate;
import io.rapport.routing.Decision;
import io.rapport.routing.Need;
import io.rapport.routing.Reason;
import io.rapport.routing.Router;
import io.rapport.routing.RoutingRules;
import io.rapport.routing.SkillRule;
import io.rapport.routing.TeamSetting;
import io.rapport.routing.Widening;
import io.rapport.tickets.Author;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Escalation;
import io.rapport.tickets.Escalations;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TeamLoad;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts routing to work (ADR 24). When a ticket is created or escalated to a tier or a team, right after that commits and
 * on the same thread (so a client that reads the ticket next sees its assignee), it works out what the ticket needs
 * (skills from the admin's rules, the detected language, the tier it was escalated to, its team), weighs every active
 * agent ({@link Router}) and either assigns the best one, or leaves a chat or a pushed ticket waiting: a recurring task
 * tries again, widening one step each time the team's wait has passed, and past the last step keeps trying while the
 * ticket sits in the team's queue. A team that takes mail and web tickets from its queue gets no push. Each decision
 * is stored with its reasons. The listeners are event publications like any other (Spring Modulith): one that fails is
 * handed back later, and the ticket is never lost meanwhile, it stays unassigned and visible in its queue.
 */
@Service
public class Assignment {

    private static final Logger log = LoggerFactory.getLogger(Assignment.class);
    static final Author ROUTING = new Author(AuthorType.SYSTEM, null, "Routing");
    /** A chat's customer is on the line: its steps come at most this far apart, whatever the team's wait. */
    static final Duration CHAT_STEP = Duration.ofSeconds(30);
    /** Past the last step, how often a ticket in the queue is offered again to whoever comes free. */
    static final Duration QUEUE_RETRY = Duration.ofMinutes(1);

    private final Router router = new Router();
    private final Tickets tickets;
    private final TeamLoad load;
    private final Escalations escalations;
    private final Agents agents;
    private final Customers customers;
    private final RoutingRules rules;
    private final Decisions decisions;
    private final TicketTopics topics;
    private final Clock clock;
    private final Duration retry;
    private final Duration retryChat;

    Assignment(
            Tickets tickets,
            TeamLoad load,
            Escalations escalations,
            Agents agents,
            Customers customers,
            RoutingRules rules,
            Decisions decisions,
            TicketTopics topics,
            @org.springframework.beans.factory.annotation.Value("${rapport.routing.retry-every:30s}") Duration retry,
            Clock clock) {
        this.retry = retry;
        this.retryChat = retry.compareTo(Duration.ofSeconds(5)) < 0 ? retry : Duration.ofSeconds(5);
        this.tickets = tickets;
        this.load = load;
        this.escalations = escalations;
        this.agents = agents;
        this.customers = customers;
        this.rules = rules;
        this.decisions = decisions;
        this.topics = topics;
        this.clock = clock;
    }

    /** A ticket handed to a tier or a team looks for its person again; one handed to a named agent has them. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TicketEscalated event) {
        decisions.stopWaiting(event.ticketId());
        if (event.toAgentId() == null) {
            route(event.ticketId(), true);
        }
    }

    /**
     * The waiting tickets due for another try (for the recurring task; each is then routed in its own transaction).
     * While nobody at all is available, none is, and nothing is written (a night's backlog is not rewritten every
     * half minute): whoever comes online gets them at once ({@link Comebacks}); past their widening steps they then
     * widen as far as their wait allows.
     */
    public List<Long> due(int limit) {
        Instant now = Times.now(clock);
        if (staff().stream().noneMatch(a -> a.availableAt(now))) {
            return List.of();
        }
        return decisions.due(now, limit);
    }

    /** Active agents, read at most once a second (every new ticket asks); someone coming online clears it. */
    private List<AgentView> staff() {
        StaffRead read = staffRead;
        long nanos = System.nanoTime();
        if (read == null || nanos - read.at() > STAFF_FOR.toNanos()) {
            read = new StaffRead(
                    agents.list().stream().filter(AgentView::active).toList(), nanos);
            staffRead = read;
        }
        return read.staff();
    }

    /** Whether anyone could take a ticket now (read from the staff kept for a second). */
    boolean anyoneAvailable() {
        Instant now = Times.now(clock);
        return staff().stream().anyMatch(a -> a.availableAt(now));
    }

    /**
     * Someone's presence changed: the next decision reads the staff again; once more when the change commits, so a
     * read made meanwhile from another transaction (which still saw the old presence) is not kept.
     */
    void forgetStaff() {
        staffRead = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            staffRead = null;
                        }
                    });
        }
    }

    static final Duration STAFF_FOR = Duration.ofSeconds(1);

    private record StaffRead(List<AgentView> staff, long at) {}

    private volatile StaffRead staffRead;

    /** A ticket whose routing failed is tried again later rather than at once, over and over. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void postpone(long ticketId) {
        decisions
                .waiting(ticketId)
                .ifPresent(w -> decisions.waitUntil(
                        ticketId, w.since(), Times.now(clock).plus(QUEUE_RETRY), w.minTier()));
    }

    /** Routes one ticket: assigns it, or records why it waits. {@code fresh}: a new ticket or a new escalation. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void route(long ticketId, boolean fresh) {
        Instant now = Times.now(clock);
        TicketView summary = tickets.summary(ticketId);
        if (summary.assigneeId() != null
                || (summary.status() != TicketStatus.NEW && summary.status() != TicketStatus.OPEN)
                || summary.mergedInto() != null) {
            decisions.stopWaiting(ticketId);
            return;
        }
        boolean chat = summary.channel() == Channel.CHAT;
        TeamSetting setting = rules.setting(summary.teamId());
        List<AgentView> staff = staff();
        if (staff.stream().noneMatch(a -> a.availableAt(now)) && (chat || setting.mode() == AssignmentMode.PUSH)) {
            // nobody to weigh: say so without reading the conversation; whoever comes online is offered it at once
            Needed none = new Needed(new Need(Map.of(), summary.language(), 1, summary.teamId()), List.of());
            List<Reason> reasons = List.of(
                    Reason.of("nobodyAvailable", staff.size()),
                    Router.waits(summary.teamId()),
                    Reason.of("offeredFirst"));
            var waiting = fresh ? null : decisions.waiting(ticketId).orElse(null);
            decisions.save(view(summary, none, null, "waiting", Widening.NONE, reasons, List.of(), now));
            decisions.waitUntil(ticketId, waiting == null ? now : waiting.since(), now.plus(retry), 1);
            return;
        }
        TicketView ticket = tickets.get(ticketId); // the conversation, for the rules' words
        Needed needed = need(ticket, staff);
        if (!chat && setting.mode() == AssignmentMode.QUEUE) {
            List<Reason> reasons = new ArrayList<>(needed.reasons());
            reasons.add(ticket.teamId() == null ? Reason.of("queueNoTeam") : Reason.of("queueTeam"));
            decisions.save(view(ticket, needed, null, "queued", Widening.NONE, reasons, List.of(), now));
            decisions.stopWaiting(ticketId);
            return;
        }
        var waiting = fresh ? null : decisions.waiting(ticketId).orElse(null);
        Instant since = waiting == null ? now : waiting.since();
        Duration step = Duration.ofMinutes(setting.waitMinutes());
        if (chat && step.compareTo(CHAT_STEP) > 0) {
            step = CHAT_STEP;
        }
        Widening upTo = allowed(Duration.between(since, now), step);
        Decision decision = router.decide(needed.need(), candidates(staff, chat, now), upTo);
        List<Reason> reasons = new ArrayList<>(needed.reasons());
        reasons.addAll(decision.reasons());
        List<Decided.Candidate> shown = decision.candidates().stream()
                .map(c -> new Decided.Candidate(c.agentId(), c.name(), c.score(), c.reasons()))
                .toList();
        if (decision.agentId() != null && !tickets.assignIfUnassigned(ticketId, decision.agentId(), ROUTING)) {
            // someone took it (a colleague, or another try at the same moment) or it moved on: nothing to record
            decisions.stopWaiting(ticketId);
            return;
        }
        if (decision.agentId() != null) {
            decisions.save(
                    view(ticket, needed, decision.agentId(), "assigned", decision.widening(), reasons, shown, now));
            decisions.gaveTo(decision.agentId(), now);
            decisions.stopWaiting(ticketId);
            return;
        }
        boolean widest = upTo == Widening.ANY_LANGUAGE;
        Instant widens = widest ? now.plus(QUEUE_RETRY) : since.plus(step.multipliedBy(upTo.ordinal() + 1L));
        // someone who fits may come online or free up before the next step: try again soon at the same width
        Instant soon = now.plus(chat ? retryChat : retry);
        Instant next = soon.isBefore(widens) ? soon : widens;
        if (!widest) {
            reasons.add(
                    step.isZero()
                            ? Reason.of("retryNow")
                            : step.toMinutes() >= 1
                                    ? Reason.of("retryMinutes", step.toMinutes())
                                    : Reason.of("retrySeconds", step.toSeconds()));
        }
        decisions.save(view(ticket, needed, null, widest ? "queued" : "waiting", upTo, reasons, List.of(), now));
        decisions.waitUntil(
                ticketId,
                since,
                next.isAfter(now) ? next : now.plusSeconds(1),
                needed.need().minTier());
    }

    /** How far the requirements may widen after waiting this long: one step per wait. */
    static Widening allowed(Duration waited, Duration step) {
        if (step.isZero()) {
            return Widening.ANY_LANGUAGE;
        }
        long steps = waited.toMillis() / step.toMillis();
        Widening w = Widening.NONE;
        for (long i = 0; i < steps && w.next() != null; i++) {
            w = w.next();
        }
        return w;
    }

    /** What the ticket needs, and the reasons for it in words. */
    record Needed(Need need, List<Reason> reasons) {}

    Needed need(TicketView ticket, List<AgentView> staff) {
        List<Reason> reasons = new ArrayList<>();
        String text = text(ticket);
        Long organization = null;
        try {
            CustomerView customer = customers.get(ticket.customer().id());
            organization = customer.organization() == null
                    ? null
                    : customer.organization().id();
        } catch (RuntimeException e) {
            log.debug("No customer for ticket {}: routed without an organization", ticket.id());
        }
        Set<String> tags =
                ticket.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> held = staff.stream()
                .flatMap(a -> a.skills().stream())
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, Integer> skills = new LinkedHashMap<>();
        List<TicketTopics.Topic> inferred = null; // asked for only when a tag rule could need them
        Set<String> topicsUsed = new java.util.LinkedHashSet<>();
        for (SkillRule rule : rules.rules()) {
            if (!RoutingRules.matches(rule, text, ticket.channel().code(), organization, tags)) {
                if (rule.tag() == null || tags.contains(rule.tag())) {
                    continue;
                }
                // not tagged so, but maybe about it: what the similar solved tickets were tagged (asked only when
                // the rule's other conditions hold and someone could be required for it)
                Set<String> withTopic = new java.util.HashSet<>(tags);
                withTopic.add(rule.tag());
                if (!held.contains(rule.skill())
                        || !RoutingRules.matches(rule, text, ticket.channel().code(), organization, withTopic)) {
                    continue;
                }
                if (inferred == null) {
                    inferred = topics(ticket.id());
                }
                if (inferred.stream().noneMatch(t -> t.tag().equals(rule.tag()))) {
                    continue;
                }
                topicsUsed.add(rule.tag());
            }
            if (!held.contains(rule.skill())) {
                reasons.add(Reason.of("skillNobodyHas", rule.skill()));
                continue;
            }
            skills.merge(rule.skill(), rule.level(), Math::max);
        }
        if (inferred != null) {
            for (TicketTopics.Topic topic : inferred) {
                if (topicsUsed.contains(topic.tag())) {
                    reasons.add(Reason.of(
                            "topic",
                            topic.tag(),
                            topic.ticketNumbers().stream().map(n -> "#" + n).collect(Collectors.joining(", "))));
                }
            }
        }
        skills.forEach((skill, level) -> reasons.add(Reason.of("needsSkill", skill, level)));
        if (ticket.language() != null) {
            reasons.add(Reason.of("customerWrites", Reason.language(ticket.language())));
        }
        int tier = 1;
        for (Escalation e : escalations.list(ticket.id())) {
            if (e.toTier() != null) {
                tier = e.toTier();
            }
        }
        if (tier > 1) {
            reasons.add(Reason.of("escalated", tier));
        }
        return new Needed(new Need(skills, ticket.language(), tier, ticket.teamId()), List.copyOf(reasons));
    }

    /** How long a ticket's topics are kept: a waiting ticket is routed again every half minute. */
    static final Duration TOPICS_KEPT = Duration.ofMinutes(10);

    private record KeptTopics(List<TicketTopics.Topic> topics, Instant at) {}

    private final Map<Long, KeptTopics> keptTopics =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, KeptTopics> eldest) {
                    return size() > 10_000;
                }
            });

    /**
     * The ticket's topics (ADR 32), worked out once and kept for {@link #TOPICS_KEPT} (the retries of a waiting ticket
     * do not search again); none when they cannot be worked out: the rules' other conditions still count.
     */
    private List<TicketTopics.Topic> topics(long ticketId) {
        Instant now = Times.now(clock);
        KeptTopics kept = keptTopics.get(ticketId);
        if (kept != null && kept.at().plus(TOPICS_KEPT).isAfter(now)) {
            return kept.topics();
        }
        List<TicketTopics.Topic> found;
        try {
            found = topics.of(ticketId);
        } catch (RuntimeException e) {
            log.warn("No topics for ticket {}; routed by its own tags: {}", ticketId, e.toString());
            found = List.of();
        }
        keptTopics.put(ticketId, new KeptTopics(found, now));
        return found;
    }

    /** The subject and the customer's first message, lower case, for the rules' keywords. */
    private static String text(TicketView ticket) {
        StringBuilder text = new StringBuilder(ticket.subject()).append('\n');
        if (ticket.messages() != null) {
            ticket.messages().stream()
                    .filter(m -> m.visibility() == io.rapport.tickets.Visibility.PUBLIC)
                    .findFirst()
                    .map(MessageView::body)
                    .ifPresent(body -> text.append(body, 0, Math.min(body.length(), 20_000)));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private List<Candidate> candidates(List<AgentView> staff, boolean chat, Instant now) {
        // only the available are weighed on load: their open items are an index range each, never a scan of all tickets
        List<Long> available = staff.stream()
                .filter(a -> a.availableAt(now))
                .map(AgentView::id)
                .toList();
        Map<Long, Long> open = load.activeOf(available, chat);
        Map<Long, Long> turns = available.isEmpty() ? Map.of() : decisions.turns();
        List<Candidate> list = new ArrayList<>(staff.size());
        for (AgentView a : staff) {
            Map<String, Integer> skills = new HashMap<>();
            for (AgentSkill s : a.skills()) {
                skills.merge(s.name().toLowerCase(Locale.ROOT), s.level(), Math::max);
            }
            Map<String, LanguageLevel> languages = new HashMap<>();
            for (AgentLanguage l : a.languages()) {
                languages.put(l.code(), l.level());
            }
            list.add(new Candidate(
                    a.id(),
                    a.name(),
                    a.availableAt(now),
                    a.tier(),
                    open.getOrDefault(a.id(), 0L).intValue(),
                    chat ? a.chatCapacity() : a.capacity(),
                    skills,
                    languages,
                    new HashSet<>(a.teamIds()),
                    turns.getOrDefault(a.id(), 0L)));
        }
        return list;
    }

    private static Decided view(
            TicketView ticket,
            Needed needed,
            Long assignee,
            String outcome,
            Widening widening,
            List<Reason> reasons,
            List<Decided.Candidate> candidates,
            Instant now) {
        return new Decided(
                ticket.id(),
                assignee,
                outcome,
                io.rapport.common.Codes.of(widening),
                ticket.language(),
                needed.need().skills(),
                needed.need().minTier(),
                ticket.teamId(),
                List.copyOf(reasons),
                candidates,
                now);
    }
}
