package io.rapport.tickets.internal;

import io.rapport.common.Conflict;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.Author;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.NoteAdded;
import io.rapport.tickets.Outcome;
import io.rapport.tickets.OutcomeConfirmed;
import io.rapport.tickets.Priority;
import io.rapport.tickets.SolutionRejected;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEvent;
import io.rapport.tickets.TicketMerged;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketUpdated;
import io.rapport.tickets.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ticket aggregate. It changes only through named methods that check the workflow, record each change for the
 * audit trail and register the events other modules react to.
 */
public class Ticket {

    /** A change for the audit trail. */
    public record Change(Author by, String action, String field, String before, String after) {}

    private final TicketState loaded;
    private TicketStatus status;
    private Outcome outcome;
    private Priority priority;
    private Long assigneeId;
    private Long teamId;
    private Long repeatOf;
    private Long mergedInto;
    private final TreeSet<String> tags;
    private Instant updatedAt;
    private Instant solvedAt;
    private Instant closedAt;

    private final List<Change> changes = new ArrayList<>();
    private final List<TicketEvent> events = new ArrayList<>();

    /** The ticket as stored; its changes are made through the methods below and read back with {@link #state()}. */
    public Ticket(TicketState state) {
        this.loaded = state;
        this.status = state.status();
        this.outcome = state.outcome();
        this.priority = state.priority();
        this.assigneeId = state.assigneeId();
        this.teamId = state.teamId();
        this.repeatOf = state.repeatOf();
        this.mergedInto = state.mergedInto();
        this.tags = new TreeSet<>(state.tags());
        this.updatedAt = state.updatedAt();
        this.solvedAt = state.solvedAt();
        this.closedAt = state.closedAt();
    }

    /** The ticket as it is now, to be written back (with the version it was read at). */
    public TicketState state() {
        return new TicketState(
                loaded.id(),
                loaded.number(),
                loaded.subject(),
                status,
                outcome,
                priority,
                loaded.channel(),
                loaded.customerId(),
                assigneeId,
                teamId,
                loaded.language(),
                repeatOf,
                mergedInto,
                tags,
                loaded.createdAt(),
                updatedAt,
                solvedAt,
                closedAt,
                loaded.version());
    }

    /** An agent moves the ticket along the workflow. Closing a solved ticket without the customer's word is unconfirmed. */
    public void moveTo(TicketStatus target, Author by, Instant now) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new Conflict(
                    "ticket.transition",
                    "a ticket cannot move from " + status.code() + " to " + target.code(),
                    status,
                    target);
        }
        if (target == TicketStatus.CLOSED) {
            setOutcome(outcome == Outcome.UNKNOWN ? Outcome.UNCONFIRMED : outcome, by);
        }
        if (target == TicketStatus.SOLVED && outcome != Outcome.UNKNOWN && outcome != Outcome.REPEAT_CONTACT) {
            // Solved again after the customer said no: their answer to this new attempt is not known yet.
            setOutcome(Outcome.UNKNOWN, by);
        }
        setStatus(target, by, now);
    }

    /** The customer says the problem is solved: the outcome is confirmed and the ticket is done. */
    public void confirmSolution(Author customer, Instant now) {
        requireSolved("confirm");
        setOutcome(Outcome.CONFIRMED, customer);
        setStatus(TicketStatus.CLOSED, customer, now);
        events.add(new OutcomeConfirmed(id(), assigneeId));
    }

    /** The customer says the problem is still there: the ticket reopens. */
    public void rejectSolution(Author customer, Instant now) {
        requireSolved("reject");
        setOutcome(Outcome.NOT_SOLVED, customer);
        setStatus(TicketStatus.OPEN, customer, now);
        events.add(new SolutionRejected(id(), assigneeId));
    }

    /** Nobody answered the question "is it solved?" in time. */
    public void closeUnconfirmed(Instant now) {
        requireSolved("close");
        setOutcome(Outcome.UNCONFIRMED, Author.system());
        setStatus(TicketStatus.CLOSED, Author.system(), now);
    }

    /** The answer to a save based on an older version of ticket {@code number}. */
    public static Conflict changedMeanwhile(long number) {
        return new Conflict(
                "ticket.changed",
                "ticket " + number + " was changed by someone else; reload and try again",
                String.valueOf(number));
    }

    /** A message was added; the status follows who wrote it. */
    public void messageAdded(long messageId, Author author, Visibility visibility, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict(
                    "ticket.closed",
                    "ticket " + number() + " is closed; open a new ticket instead",
                    String.valueOf(number()));
        }
        if (author.isCustomer()) {
            if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
                setStatus(TicketStatus.OPEN, author, now);
            }
            events.add(new MessageReceived(id(), messageId, customerId()));
        } else if (visibility == Visibility.INTERNAL) {
            events.add(new NoteAdded(id(), messageId, author.id()));
        } else {
            if (status == TicketStatus.NEW) {
                setStatus(TicketStatus.OPEN, author, now);
            }
            events.add(new AgentReplied(id(), messageId, author.id() == null ? 0 : author.id(), false));
        }
        touch(now);
    }

    /** An agent says this ticket is not the earlier problem come back: the link goes, and the timeline says so. */
    public void unlinkRepeat(long earlierNumber, Author by, Instant now) {
        if (repeatOf == null) {
            return;
        }
        repeatOf = null;
        changes.add(new Change(by, "repeat_unlinked", null, "#" + earlierNumber, null));
        touch(now);
    }

    /** This ticket's conversation moved to ticket {@code intoId}: it closes and points there. */
    public void mergeInto(long intoId, long intoNumber, Author by, Instant now) {
        if (mergedInto != null) {
            throw mergedAlready(number());
        }
        mergedInto = intoId;
        changes.add(new Change(by, "merged", null, null, "#" + intoNumber));
        events.add(new TicketMerged(id(), intoId));
        if (status != TicketStatus.CLOSED) {
            setStatus(TicketStatus.CLOSED, by, now);
        }
        touch(now);
    }

    public static Conflict mergedAlready(long number) {
        return new Conflict(
                "ticket.merged",
                "ticket " + number + " was merged into another ticket already",
                String.valueOf(number));
    }

    /** Ticket {@code fromNumber}'s conversation moved here; its tags come along. */
    public void absorb(long fromNumber, Set<String> fromTags, Author by, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict(
                    "ticket.closed",
                    "ticket " + number() + " is closed; open a new ticket instead",
                    String.valueOf(number()));
        }
        changes.add(new Change(by, "merged_in", null, "#" + fromNumber, null));
        if (!tags.containsAll(fromTags)) {
            TreeSet<String> union = new TreeSet<>(tags);
            union.addAll(fromTags);
            retag(union, by, now);
        }
        events.add(new TicketUpdated(id()));
        touch(now);
    }

    public Long mergedInto() {
        return mergedInto;
    }

    public String subject() {
        return loaded.subject();
    }

    public void assign(Long agentId, Author by, Instant now) {
        if (Objects.equals(agentId, assigneeId)) {
            return;
        }
        changes.add(new Change(by, "assigned", "assignee", str(assigneeId), str(agentId)));
        events.add(new TicketAssigned(id(), assigneeId, agentId, by.isAgent() ? by.id() : null));
        assigneeId = agentId;
        touch(now);
    }

    public void moveToTeam(Long newTeamId, Author by, Instant now) {
        if (Objects.equals(newTeamId, teamId)) {
            return;
        }
        changes.add(new Change(by, "changed", "team", str(teamId), str(newTeamId)));
        teamId = newTeamId;
        events.add(new TicketUpdated(id()));
        touch(now);
    }

    public void prioritize(Priority newPriority, Author by, Instant now) {
        if (newPriority == priority) {
            return;
        }
        changes.add(new Change(by, "changed", "priority", priority.code(), newPriority.code()));
        priority = newPriority;
        events.add(new TicketUpdated(id()));
        touch(now);
    }

    public void retag(Set<String> newTags, Author by, Instant now) {
        TreeSet<String> sorted = new TreeSet<>(newTags);
        if (sorted.equals(tags)) {
            return;
        }
        changes.add(new Change(by, "changed", "tags", String.join(",", tags), String.join(",", sorted)));
        tags.clear();
        tags.addAll(sorted);
        events.add(new TicketUpdated(id()));
        touch(now);
    }

    /** The public reply added earlier in this same step, if any, marked as the one that solves the ticket. */
    private int lastReplyOfThisStep() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof AgentReplied) {
                return i;
            }
        }
        return -1;
    }

    private TicketSolved solvedWith(int replyIndex, Instant now) {
        if (replyIndex < 0) {
            return new TicketSolved(id(), assigneeId, false, now);
        }
        AgentReplied reply = (AgentReplied) events.get(replyIndex);
        events.set(replyIndex, new AgentReplied(reply.ticketId(), reply.messageId(), reply.agentId(), true));
        return new TicketSolved(id(), assigneeId, true, now);
    }

    private void requireSolved(String what) {
        if (status != TicketStatus.SOLVED) {
            throw new Conflict(
                    "ticket.notSolved",
                    "only a solved ticket can be asked to " + what + "; ticket " + number() + " is " + status.code(),
                    String.valueOf(number()));
        }
    }

    private void setStatus(TicketStatus target, Author by, Instant now) {
        changes.add(new Change(by, "status", "status", status.code(), target.code()));
        events.add(new TicketStatusChanged(id(), status, target));
        TicketStatus from = status;
        status = target;
        if (target == TicketStatus.SOLVED) {
            solvedAt = now;
            events.add(solvedWith(lastReplyOfThisStep(), now));
        } else if (target == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (from == TicketStatus.SOLVED) {
            solvedAt = null;
        }
        touch(now);
    }

    private void setOutcome(Outcome target, Author by) {
        if (target != outcome) {
            changes.add(new Change(by, "outcome", "outcome", outcome.code(), target.code()));
            outcome = target;
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public List<TicketEvent> events() {
        return List.copyOf(events);
    }

    public void clearRecorded() {
        changes.clear();
        events.clear();
    }

    public Long id() {
        return loaded.id();
    }

    public long number() {
        return loaded.number();
    }

    public TicketStatus status() {
        return status;
    }

    public Outcome outcome() {
        return outcome;
    }

    public long customerId() {
        return loaded.customerId();
    }

    public Long teamId() {
        return teamId;
    }

    public Priority priority() {
        return priority;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public Set<String> tags() {
        return Set.copyOf(tags);
    }

    /** The tags as read, so that saving rewrites them only when they changed. */
    public Set<String> tagsAsLoaded() {
        return loaded.tags();
    }

    /** The version the ticket was read at: a save fails when someone else saved in between. */
    public int version() {
        return loaded.version();
    }

    public Instant solvedAt() {
        return solvedAt;
    }

    public Channel channel() {
        return loaded.channel();
    }
}
