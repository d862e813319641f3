package io.rapport.tickets;

import io.rapport.common.PageRequest;
import java.util.Collection;
import java.util.Set;

/**
 * Which tickets to list. Null fields do not filter. {@code unassigned} lists tickets with no assignee; {@code sort} is
 * one of updated, created, priority, number, subject, with a leading '-' for descending.
 */
public record TicketQuery(
        Set<TicketStatus> statuses,
        Long assigneeId,
        boolean unassigned,
        Collection<Long> teamIds,
        Long customerId,
        String text,
        String tag,
        String sort,
        PageRequest page) {

    public static TicketQuery all(PageRequest page) {
        return new TicketQuery(null, null, false, null, null, null, null, null, page);
    }
}
