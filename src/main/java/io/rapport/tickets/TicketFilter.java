package io.rapport.tickets;

import java.time.LocalDate;
import java.util.Set;

/**
 * The narrowing a person chooses on a list (and saves as a view): each non-empty set keeps tickets with any of its
 * values; dates are whole UTC days, both ends included. Null or empty: no narrowing.
 */
public record TicketFilter(
        Set<Priority> priorities,
        Set<Channel> channels,
        Set<Outcome> outcomes,
        Set<String> languages,
        Set<String> tags,
        LocalDate createdFrom,
        LocalDate createdTo,
        LocalDate updatedFrom,
        LocalDate updatedTo) {

    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE)
                || (empty(priorities)
                        && empty(channels)
                        && empty(outcomes)
                        && empty(languages)
                        && empty(tags)
                        && createdFrom == null
                        && createdTo == null
                        && updatedFrom == null
                        && updatedTo == null);
    }

    private static boolean empty(Set<?> values) {
        return values == null || values.isEmpty();
    }
}
