package io.rapport.knowledge;

import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What a ticket is about, as the desk has tagged the problems like it (issue 9, point 2; ADR 32): a tag most of its
 * nearest solved tickets carry ({@value #AGREEING} of the {@value #NEAREST} most similar, by meaning and words) is a
 * topic of the ticket. Routing applies the admin's tag rules to these topics, so a ticket nobody tagged yet still
 * reaches the skill its problem needs.
 */
@Service
public class TicketTopics {

    public static final int NEAREST = 5;
    public static final int AGREEING = 3;

    /** A topic and the solved tickets (their numbers) that carry it. */
    public record Topic(String tag, List<Long> ticketNumbers) {}

    private final TicketSuggestions suggestions;
    private final Tickets tickets;

    TicketTopics(TicketSuggestions suggestions, Tickets tickets) {
        this.suggestions = suggestions;
        this.tickets = tickets;
    }

    /**
     * The topics of this ticket that it is not tagged with already, the most agreed first; none for a ticket that is
     * not there or has no solved tickets like it.
     */
    public List<Topic> of(long ticketId) {
        List<TicketDocument> docs = tickets.documents(List.of(ticketId));
        if (docs.isEmpty()) {
            return List.of();
        }
        TicketDocument ticket = docs.getFirst();
        List<Long> similar = suggestions.similarSolved(ticket, NEAREST, false).stream()
                .map(SearchHit::id)
                .toList();
        if (similar.size() < AGREEING) {
            return List.of();
        }
        Set<String> own = lower(ticket.tags());
        Map<String, List<Long>> carriers = new LinkedHashMap<>();
        for (TicketDocument solved : tickets.documents(similar)) {
            for (String tag : lower(solved.tags())) {
                if (!own.contains(tag)) {
                    carriers.computeIfAbsent(tag, t -> new ArrayList<>()).add(solved.number());
                }
            }
        }
        return carriers.entrySet().stream()
                .filter(e -> e.getValue().size() >= AGREEING)
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .map(e -> new Topic(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static Set<String> lower(Set<String> tags) {
        return tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
