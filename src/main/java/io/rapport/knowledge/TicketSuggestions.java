package io.rapport.knowledge;

import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import io.rapport.knowledge.internal.Meaning;
import io.rapport.knowledge.internal.ProblemMeanings;
import io.rapport.knowledge.internal.SearchIndex;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Suggestions on the ticket page (issue 10, point 4; ADR 29): the articles and the solved tickets most like what the
 * customer wrote, by the words they share weighed by how rare they are; and the record of which one an agent used.
 */
@Service
public class TicketSuggestions {

    public static final int SHOWN = 5;
    /** What the customer wrote is read up to this length: the problem is stated at the start. */
    static final int MAX_TEXT = 2_000;

    private final SearchIndex index;
    private final ProblemMeanings meanings;
    private final Tickets tickets;
    private final JdbcClient db;
    private final Clock clock;

    TicketSuggestions(SearchIndex index, ProblemMeanings meanings, Tickets tickets, JdbcClient db, Clock clock) {
        this.index = index;
        this.meanings = meanings;
        this.tickets = tickets;
        this.db = db;
        this.clock = clock;
    }

    public Suggestions forTicket(long ticketId) {
        List<TicketDocument> docs = tickets.documents(List.of(ticketId));
        if (docs.isEmpty()) {
            throw NotFound.of("ticket", ticketId);
        }
        TicketDocument ticket = docs.getFirst();
        return new Suggestions(
                index.similar(text(ticket), ticket.language(), SearchIndex.articles(false), SHOWN),
                similarSolved(ticket, SHOWN));
    }

    /** The solved tickets most like this one, by meaning and by words (ADR 31), best first. */
    List<SearchHit> similarSolved(TicketDocument ticket, int size) {
        return similarSolved(ticket, size, true);
    }

    /**
     * As {@link #similarSolved(TicketDocument, int)}; a meaning worked out now is stored only when {@code keep} (a
     * caller inside its own transaction, routing, must not write another module's table).
     */
    List<SearchHit> similarSolved(TicketDocument ticket, int size, boolean keep) {
        return index.similar(
                text(ticket),
                ticket.language(),
                meaning(ticket, keep),
                SearchIndex.solvedTicketsOtherThan(ticket.id()),
                size);
    }

    /**
     * What the ticket's problem means (ADR 31): stored when the repeat watch or the index worked it out, else worked
     * out now (about 5 ms) and, when {@code keep}, stored. Null when the model cannot run: then words alone find
     * similar tickets.
     */
    private float[] meaning(TicketDocument ticket, boolean keep) {
        float[] stored = meanings.of(List.of(ticket.id())).get(ticket.id());
        if (stored != null) {
            return stored;
        }
        float[] vector;
        try {
            vector = Meaning.of(Meaning.problemText(ticket));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        if (keep) {
            try {
                meanings.put(ticket.id(), vector, ticket.createdAt());
            } catch (RuntimeException e) {
                // kept the next time; this answer uses it all the same
            }
        }
        return vector;
    }

    /** The ticket's subject and what its customer wrote, as the question to answer. */
    static String text(TicketDocument ticket) {
        StringBuilder text = new StringBuilder(ticket.subject());
        for (TicketDocument.Text m : ticket.messages()) {
            if (text.length() >= MAX_TEXT) {
                break;
            }
            if (m.author() == AuthorType.CUSTOMER && m.visibility() == Visibility.PUBLIC && m.body() != null) {
                text.append('\n').append(m.body(), 0, Math.min(m.body().length(), MAX_TEXT - text.length()));
            }
        }
        return text.toString();
    }

    /** Notes that an agent used a suggestion on a ticket: an article ({@code article}) or a solved ticket. */
    public void used(long ticketId, String type, long targetId, Long agentId) {
        if (!"article".equals(type) && !"ticket".equals(type)) {
            throw new InvalidInput("type", "must be article or ticket");
        }
        if (tickets.documents(List.of(ticketId)).isEmpty()) {
            throw NotFound.of("ticket", ticketId);
        }
        db.sql("INSERT INTO kn_suggestion_use (ticket_id, kind, target_id, agent_id, used_at) VALUES (?, ?, ?, ?, ?)")
                .params(ticketId, type, targetId, agentId, Times.sql(Times.now(clock)))
                .update();
    }

    /** How many times each kind of suggestion was used on this ticket (tests, reports). */
    public long usedOn(long ticketId, String type) {
        return db.sql("SELECT COUNT(*) FROM kn_suggestion_use WHERE ticket_id = ? AND kind = ?")
                .params(ticketId, type)
                .query(Long.class)
                .single();
    }
}
