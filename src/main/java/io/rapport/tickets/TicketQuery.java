package io.rapport.tickets;

import io.rapport.common.PageRequest;
import java.util.Collection;
import java.util.Set;

/**
 * Which tickets to list. Null fields do not filter. {@code unassigned} lists tickets with no assignee; {@code number}
 * the ticket a person calls by its number; {@code sort} is one of updated, created, priority, status, number, subject,
 * customer, assignee, with a leading '-' for descending. Start from {@link #all} and narrow it down.
 */
public record TicketQuery(
        Set<TicketStatus> statuses,
        Long assigneeId,
        boolean unassigned,
        Collection<Long> teamIds,
        Collection<Long> customerIds,
        Long number,
        String text,
        String tag,
        String sort,
        PageRequest page,
        TicketFilter filter) {

    public static TicketQuery all(PageRequest page) {
        return new TicketQuery(null, null, false, null, null, null, null, null, null, page, null);
    }

    public TicketQuery withStatuses(Set<TicketStatus> value) {
        return new TicketQuery(
                value, assigneeId, unassigned, teamIds, customerIds, number, text, tag, sort, page, filter);
    }

    public TicketQuery withAssignee(Long value) {
        return new TicketQuery(
                statuses, value, unassigned, teamIds, customerIds, number, text, tag, sort, page, filter);
    }

    public TicketQuery unassignedOnly() {
        return new TicketQuery(statuses, assigneeId, true, teamIds, customerIds, number, text, tag, sort, page, filter);
    }

    public TicketQuery withTeams(Collection<Long> value) {
        return new TicketQuery(
                statuses, assigneeId, unassigned, value, customerIds, number, text, tag, sort, page, filter);
    }

    public TicketQuery withCustomer(Long value) {
        return withCustomers(value == null ? null : java.util.List.of(value));
    }

    /** Tickets of any of these customers (an organization's); none for an empty list. */
    public TicketQuery withCustomers(Collection<Long> value) {
        return new TicketQuery(statuses, assigneeId, unassigned, teamIds, value, number, text, tag, sort, page, filter);
    }

    public TicketQuery withText(String value) {
        return new TicketQuery(
                statuses, assigneeId, unassigned, teamIds, customerIds, number, value, tag, sort, page, filter);
    }

    public TicketQuery sortedBy(String value) {
        return new TicketQuery(
                statuses, assigneeId, unassigned, teamIds, customerIds, number, text, tag, value, page, filter);
    }

    /** Narrowed further by what a person chose on the list. */
    public TicketQuery withFilter(TicketFilter value) {
        return new TicketQuery(
                statuses, assigneeId, unassigned, teamIds, customerIds, number, text, tag, sort, page, value);
    }
}
