package io.rapport.sla;

import io.rapport.accounts.Organizations;
import io.rapport.common.BusinessCalendar;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import io.rapport.sla.internal.SlaStore;
import io.rapport.tickets.Priority;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA calendars and policies (the contract's {@code POST /api/v1/calendars} and {@code POST /api/v1/sla-policies}),
 * and a ticket's targets. Policies apply to tickets opened after they exist (ADR 25).
 */
@Service
public class Slas {

    /** A year of business minutes: more is no target. */
    static final int MAX_MINUTES = 525_600;

    static final int MAX_HOLIDAYS = 1_000;

    /** Opening spans a day: more than a working day can hold, and what the stored form has room for. */
    static final int MAX_SPANS = 12;

    private final SlaStore store;
    private final Organizations organizations;
    private final Clock clock;

    Slas(SlaStore store, Organizations organizations, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional
    public CalendarView createCalendar(
            String name, String timezone, Map<String, List<String>> hours, List<String> holidays) {
        String n = name(name);
        if (holidays != null && holidays.size() > MAX_HOLIDAYS) {
            throw new InvalidInput("holidays", "at most " + MAX_HOLIDAYS + " dates");
        }
        if (hours != null && hours.values().stream().anyMatch(spans -> spans != null && spans.size() > MAX_SPANS)) {
            throw new InvalidInput("hours", "at most " + MAX_SPANS + " opening spans a day");
        }
        BusinessCalendar.of(timezone, hours, holidays); // refuses what cannot be read, naming the part
        Map<String, List<String>> sorted = new TreeMap<>(hours == null ? Map.of() : hours);
        List<String> days = holidays == null
                ? List.of()
                : holidays.stream().map(String::strip).distinct().sorted().toList();
        return store.insertCalendar(n, timezone.strip(), sorted, days, Times.now(clock));
    }

    @Transactional(readOnly = true)
    public List<CalendarView> calendars() {
        return store.calendars();
    }

    @Transactional(readOnly = true)
    public CalendarView calendar(long id) {
        return store.calendar(id).orElseThrow(() -> NotFound.of("calendar", id));
    }

    /** A new policy as asked: name, targets in minutes, and what it applies to. */
    public record NewPolicy(
            String name,
            String priority,
            Long organizationId,
            Integer firstResponseMinutes,
            Integer nextResponseMinutes,
            Integer solutionMinutes,
            Long calendarId) {}

    @Transactional
    public PolicyView createPolicy(NewPolicy p) {
        String n = name(p.name());
        String priority = p.priority() == null
                ? null
                : Codes.parse(Priority.class, p.priority(), "priority").code();
        if (p.organizationId() != null && !organizations.exists(p.organizationId())) {
            throw new InvalidInput("organizationId", "no organization with id " + p.organizationId());
        }
        int first = minutes(p.firstResponseMinutes(), "firstResponseMinutes", true);
        Integer next =
                p.nextResponseMinutes() == null ? null : minutes(p.nextResponseMinutes(), "nextResponseMinutes", true);
        int solution = minutes(p.solutionMinutes(), "solutionMinutes", true);
        if (p.calendarId() != null && store.calendar(p.calendarId()).isEmpty()) {
            throw new InvalidInput("calendarId", "no calendar with id " + p.calendarId());
        }
        return store.insertPolicy(
                n, priority, p.organizationId(), first, next, solution, p.calendarId(), Times.now(clock));
    }

    @Transactional(readOnly = true)
    public List<PolicyView> policies() {
        return store.readPolicies();
    }

    /** Stops a policy applying to new tickets; tickets under it keep their targets. */
    @Transactional
    public PolicyView deactivate(long id) {
        if (!store.deactivate(id)) {
            throw NotFound.of("SLA policy", id);
        }
        return store.readPolicies().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The targets of several tickets at once (a list page), by ticket id; tickets under no policy are left out. */
    @Transactional(readOnly = true)
    public Map<Long, TicketSla> forTickets(java.util.Collection<Long> ticketIds) {
        Map<Long, TicketSla> all = new java.util.HashMap<>();
        var states = store.findAll(ticketIds);
        Map<Long, List<String>> missed = store.breachedTargets(states.keySet());
        states.forEach((id, state) -> all.put(id, view(state, missed.getOrDefault(id, List.of()))));
        return all;
    }

    private static TicketSla view(io.rapport.sla.internal.SlaState state, List<String> breached) {
        return new TicketSla(
                state.policyName(),
                state.policyId(),
                state.firstResponseDueAt(),
                state.nextResponseDueAt(),
                state.solutionDueAt(),
                state.pausedSince() != null,
                state.firstRespondedAt(),
                breached);
    }

    /**
     * The ticket's targets, if a policy applies to it. No transaction: it is asked for every ticket answer, and two
     * reads of one ticket's rows need no shared snapshot (a breach recorded between them shows on the next read).
     */
    public Optional<TicketSla> forTicket(long ticketId) {
        if (store.policies().isEmpty()) {
            return Optional.empty(); // no policy was ever made: no ticket has targets (and no query is spent)
        }
        return store.find(ticketId).map(state -> view(state, store.breachedTargets(ticketId)));
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required");
        }
        String n = name.strip();
        if (n.length() > 200 || n.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidInput("name", "must be plain text of at most 200 characters");
        }
        return n;
    }

    private static int minutes(Integer value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInput(field, "is required");
            }
            return 0;
        }
        if (value < 1 || value > MAX_MINUTES) {
            throw new InvalidInput(field, "must be 1 to " + MAX_MINUTES + " minutes");
        }
        return value;
    }
}
