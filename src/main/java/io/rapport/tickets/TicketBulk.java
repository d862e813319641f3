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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes many tickets at once, each on its own: one ticket the workflow cannot move does not stop the others, and the
 * answer says what happened to each. The change itself is checked once, before any ticket. Tickets are changed in
 * transactions of {@value #CHUNK}, each ticket behind a savepoint (a failing one is rolled back alone): a transaction
 * per ticket made 1,000 tickets take longer than the 2 s a person waits for a bulk change.
 */
@Service
public class TicketBulk {

    public static final int MAX_TICKETS = 1000;
    static final int CHUNK = 100;

    private final Tickets tickets;
    private final Agents agents;
    private final Teams teams;
    private final TransactionTemplate chunk;
    private final TransactionTemplate each;

    TicketBulk(Tickets tickets, Agents agents, Teams teams, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.agents = agents;
        this.teams = teams;
        this.chunk = new TransactionTemplate(transactions);
        this.each = new TransactionTemplate(transactions);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        // in id order: two bulk changes over the same tickets lock them in the same order and never deadlock
        List<Long> all = unique.stream().sorted().toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<BulkResult.Item> done = new ArrayList<>();
            try {
                chunk.executeWithoutResult(tx -> part.forEach(id -> done.add(one(id, bulk, by))));
                items.addAll(done);
            } catch (org.springframework.dao.DataAccessException e) {
                // the database gave up on this part (a lock wait, a lost connection): none of it was kept
                for (long id : part) {
                    items.add(new BulkResult.Item(
                            id, tickets.numberOfId(id).orElse(null), "failed", "could not be saved now; try again"));
                }
            }
        }
        int changed =
                (int) items.stream().filter(i -> i.result().equals("changed")).count();
        int failed =
                (int) items.stream().filter(i -> i.result().equals("failed")).count();
        return new BulkResult(changed, items.size() - changed - failed, failed, items);
    }

    /** One ticket behind a savepoint: what it did, or why it failed (then nothing of it is kept). */
    private BulkResult.Item one(long id, BulkChange bulk, Author by) {
        Long[] number = {null};
        try {
            return each.execute(tx -> {
                if (bulk.mergeInto() == null) {
                    TicketEdit edit = tickets.edit(id, mine(bulk), readAs(bulk), by);
                    number[0] = edit.ticket().number();
                    return new BulkResult.Item(id, number[0], edit.changed() ? "changed" : "unchanged", null);
                }
                number[0] = tickets.summary(id).number();
                if (id == bulk.mergeInto()) {
                    return new BulkResult.Item(id, number[0], "unchanged", null);
                }
                tickets.merge(id, bulk.mergeInto(), by);
                return new BulkResult.Item(id, number[0], "changed", null);
            });
        } catch (InvalidInput | Conflict | NotFound e) {
            Long known = number[0] != null ? number[0] : tickets.numberOfId(id).orElse(null);
            return new BulkResult.Item(id, known, "failed", e.getMessage());
        }
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
