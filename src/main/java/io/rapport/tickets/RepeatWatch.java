package io.rapport.tickets;

import java.util.List;
import java.util.Optional;

/**
 * Tells whether a customer's new ticket is one of their recently solved problems come back (ADR 30). Tickets asks it
 * when a ticket opens, with the customer's tickets solved in the last 14 days; another module provides it (knowledge,
 * which compares meanings), so tickets knows nothing of how. Without one, no ticket is linked as a repeat.
 */
public interface RepeatWatch {

    /**
     * A new problem has arrived: the watch may remember it for later comparisons, and says which of {@code recent}
     * (same customer, solved lately) it repeats, if any. Never throws for a text it cannot read: it answers empty.
     */
    Optional<Repeat> arrived(Problem arrived, List<Problem> recent);

    /** A customer's description of a problem: the ticket's subject and the first thing they wrote. */
    record Problem(long ticketId, String subject, String text, String language) {}

    /** The earlier ticket this one repeats, and how alike the two are (the score the threshold was tuned on). */
    record Repeat(long ticketId, double score) {}
}
