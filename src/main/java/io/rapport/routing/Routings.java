package io.rapport.routing;

import io.rapport.common.NotFound;
import io.rapport.routing.internal.Decided;
import io.rapport.routing.internal.Decisions;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads routing's decisions: why a ticket went to whom, or why it waits, in the reader's language. */
@Service
public class Routings {

    private final Decisions decisions;
    private final Tickets tickets;
    private final MessageSource messages;

    Routings(Decisions decisions, Tickets tickets, MessageSource messages) {
        this.decisions = decisions;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** The latest decision on the ticket, its reasons in English (the API's language). */
    @Transactional(readOnly = true)
    public RoutingView explain(long ticketId) {
        return explain(ticketId, Locale.ENGLISH);
    }

    /**
     * The latest decision on the ticket, its reasons in this language. A ticket routing never weighed (opened before
     * routing ran, or assigned by a person at once) says so, with its current assignee.
     */
    @Transactional(readOnly = true)
    public RoutingView explain(long ticketId, Locale language) {
        if (!tickets.exists(ticketId)) {
            throw NotFound.of("ticket", ticketId);
        }
        Decided d = decisions.find(ticketId).orElseGet(() -> notDecided(ticketId));
        return new RoutingView(
                d.ticketId(),
                d.assigneeId(),
                d.outcome(),
                d.widening(),
                d.language(),
                d.skills(),
                d.minTier(),
                d.teamId(),
                texts(d.reasons(), language),
                d.candidates().stream()
                        .map(c -> new RoutingView.Candidate(
                                c.agentId(), c.name(), c.score(), texts(c.reasons(), language)))
                        .toList(),
                d.decidedAt());
    }

    private Decided notDecided(long ticketId) {
        TicketView t = tickets.summary(ticketId);
        var waiting = decisions.waiting(ticketId);
        if (waiting.isPresent() && t.assigneeId() == null) {
            return new Decided(
                    ticketId,
                    null,
                    "waiting",
                    "none",
                    t.language(),
                    Map.of(),
                    waiting.get().minTier(),
                    t.teamId(),
                    List.of(Reason.of("nobodyWhenIn"), Router.waits(t.teamId()), Reason.of("offeredFirst")),
                    List.of(),
                    waiting.get().since());
        }
        return new Decided(
                ticketId,
                t.assigneeId(),
                "none",
                "none",
                t.language(),
                Map.of(),
                1,
                t.teamId(),
                List.of(t.assigneeId() == null ? Reason.of("notWeighed") : Reason.of("byPerson")),
                List.of(),
                null);
    }

    /** The reasons in words of this language ("German" or "Deutsch" for a language, as its reader calls it). */
    public List<String> texts(List<Reason> reasons, Locale language) {
        return texts(messages, reasons, language);
    }

    /** As {@link #texts(List, Locale)}, from these messages. */
    public static List<String> texts(MessageSource messages, List<Reason> reasons, Locale language) {
        return reasons.stream().map(r -> text(messages, r, language)).toList();
    }

    private static String text(MessageSource messages, Reason r, Locale language) {
        if (r.key() == null) {
            return r.args().isEmpty() ? "" : String.valueOf(r.args().getFirst());
        }
        Object[] args = r.args().stream()
                .map(a -> {
                    String code = Reason.languageOf(a);
                    return code == null ? a : languageName(code, language);
                })
                .toArray();
        return messages.getMessage(r.key(), args, r.key(), language);
    }

    /** A language as a reader of this language names it: "German" in English, "Deutsch" in German. */
    static String languageName(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }
}
