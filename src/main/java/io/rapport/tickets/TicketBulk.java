package io.rapport.tickets;

import io.rapport.accounts.Agents;
import io.rapport.accounts.Teams;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Changes many tickets at once, each in its own transaction: one ticket the workflow cannot move does not stop the
 * others, and the answer says what happened to each. The change itself is checked once, before any ticket.
 */
@Service
public class TicketBulk {

    public static final int MAX_TICKETS = 500;

    private final Tickets tickets;
    private final Agents agents;
    private final Teams teams;

    TicketBulk(Tickets tickets, Agents agents, Teams teams) {
        this.tickets = tickets;
        this.agents = agents;
        this.teams = teams;
    }

    public BulkResult apply(List<Long> ids, BulkChange bulk, Author by) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInput("ids", "name at least one ticket");
        }
        Set<Long> unique = new LinkedHashSet<>(ids);
        if (unique.size() > MAX_TICKETS) {
            throw new InvalidInput("ids", "at most " + MAX_TICKETS + " tickets at once");
        }
        if (bulk.isEmpty()) {
            throw new InvalidInput("change", "says nothing to change");
        }
        check(bulk);
        List<BulkResult.Item> items = new ArrayList<>();
        int changed = 0;
        int unchanged = 0;
        int failed = 0;
        for (long id : unique) {
            Long number = null;
            try {
                TicketView before = tickets.summary(id);
                number = before.number();
                TicketView after;
                if (bulk.mergeInto() != null) {
                    if (id == bulk.mergeInto()) {
                        items.add(new BulkResult.Item(id, number, "unchanged", null));
                        unchanged++;
                        continue;
                    }
                    tickets.merge(id, bulk.mergeInto(), by);
                    after = tickets.summary(id);
                } else {
                    after = tickets.edit(id, mine(bulk), readAs(bulk), by).ticket();
                }
                boolean moved = after.version() != before.version();
                items.add(new BulkResult.Item(id, number, moved ? "changed" : "unchanged", null));
                if (moved) {
                    changed++;
                } else {
                    unchanged++;
                }
            } catch (InvalidInput | Conflict | NotFound e) {
                items.add(new BulkResult.Item(id, number, "failed", e.getMessage()));
                failed++;
            }
        }
        return new BulkResult(changed, unchanged, failed, items);
    }

    /** The fields as the edit takes them: tags to add are "mine", tags to remove were "read" and are not mine. */
    private static ChangeTicket mine(BulkChange bulk) {
        ChangeTicket c = bulk.change();
        Set<String> tags = c.tags();
        if (tags == null && (notEmpty(bulk.addTags()) || notEmpty(bulk.removeTags()))) {
            tags = bulk.addTags() == null ? Set.of() : bulk.addTags();
        }
        return new ChangeTicket(c.status(), c.assigneeId(), c.teamId(), c.priority(), tags, null);
    }

    private static ChangeTicket readAs(BulkChange bulk) {
        Set<String> before = null;
        if (bulk.change().tags() == null && (notEmpty(bulk.addTags()) || notEmpty(bulk.removeTags()))) {
            before = bulk.removeTags() == null ? Set.of() : bulk.removeTags();
        }
        return new ChangeTicket(null, null, null, null, before, null);
    }

    private static boolean notEmpty(Set<String> tags) {
        return tags != null && !tags.isEmpty();
    }

    private void check(BulkChange bulk) {
        ChangeTicket c = bulk.change();
        if (bulk.mergeInto() != null && !bulk.change().equals(ChangeTicket.none())) {
            throw new InvalidInput("mergeInto", "is a change of its own: merge, then change the ticket merged into");
        }
        if (c.assigneeId() != null
                && c.assigneeId().isPresent()
                && agents.find(c.assigneeId().get()).filter(a -> a.active()).isEmpty()) {
            throw new InvalidInput(
                    "assigneeId", "no active agent with id " + c.assigneeId().get());
        }
        if (c.teamId() != null
                && c.teamId().isPresent()
                && !teams.takesTickets(c.teamId().get())) {
            throw new InvalidInput(
                    "teamId", "no active team with id " + c.teamId().get());
        }
        Tickets.checkTags(c.tags());
        try {
            Tickets.checkTags(bulk.addTags());
        } catch (InvalidInput e) {
            throw e.as("addTags");
        }
        try {
            Tickets.checkTags(bulk.removeTags());
        } catch (InvalidInput e) {
            throw e.as("removeTags");
        }
        if (bulk.mergeInto() != null) {
            try {
                tickets.summary(bulk.mergeInto()); // a missing ticket to merge into is named before any ticket moves
            } catch (NotFound e) {
                throw new InvalidInput("mergeInto", "no ticket with id " + bulk.mergeInto());
            }
        }
    }
}
