package io.rapport.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A panel another module adds to the side of the ticket page (why routing chose the assignee, the SLA targets), so the
 * ticket page shows them without knowing those modules. Each provider is a bean; panels appear ordered by
 * {@code order}. The text is the provider's, already in the reader's language.
 */
public interface TicketPanel {

    /** The panel for this ticket, or nothing to show. */
    Optional<Panel> panel(long ticketId, Locale language);

    /**
     * A titled panel: a one-line summary shown at once, lines below it, and entries (a label, a detail and lines of
     * their own) for lists such as the candidates weighed. {@code key} names it for tests and styles.
     */
    record Panel(int order, String key, String title, String summary, List<String> lines, List<Entry> entries) {

        public Panel {
            lines = List.copyOf(lines);
            entries = List.copyOf(entries);
        }
    }

    /**
     * One item of a panel. Optionally {@code href} (its label links there), {@code insert} (text the agent can put
     * into the reply box with one click) and {@code usedPath} (where the page reports, by POST, that the agent followed
     * or inserted it).
     */
    record Entry(String label, String detail, List<String> lines, String href, String insert, String usedPath) {

        public Entry {
            lines = List.copyOf(lines);
        }

        public Entry(String label, String detail, List<String> lines) {
            this(label, detail, lines, null, null, null);
        }
    }
}
