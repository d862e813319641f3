package io.rapport.tickets;

import java.util.Set;

/**
 * One change for many tickets: the fields of a {@link ChangeTicket} (tags replace all tags), tags to add and to
 * remove, or a ticket to merge them all into. A null field is left alone.
 */
public record BulkChange(ChangeTicket change, Set<String> addTags, Set<String> removeTags, Long mergeInto) {

    public boolean isEmpty() {
        return mergeInto == null
                && change.status() == null
                && change.assigneeId() == null
                && change.teamId() == null
                && change.priority() == null
                && change.tags() == null
                && (addTags == null || addTags.isEmpty())
                && (removeTags == null || removeTags.isEmpty());
    }
}
