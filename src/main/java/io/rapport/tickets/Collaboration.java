package io.rapport.tickets;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import io.rapport.tickets.internal.AuditLog;
import io.rapport.tickets.internal.CollaborationRepository;
import io.rapport.tickets.internal.MessageRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents working one problem together: related tickets linked both ways, followers who hear of a ticket's new
 * messages, and {@code @mentions} in internal notes (the agent named follows the ticket and is told at once).
 * Each link and unlink is in both tickets' activity. Nothing of this reaches the customer.
 */
@Service
public class Collaboration {

    private final CollaborationRepository repository;
    private final Tickets tickets;
    private final Agents agents;
    private final MessageRepository messages;
    private final AuditLog audit;
    private final Clock clock;

    Collaboration(
            CollaborationRepository repository,
            Tickets tickets,
            Agents agents,
            MessageRepository messages,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.agents = agents;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RelatedTicket> related(long ticketId) {
        requireTicket(ticketId);
        return repository.related(ticketId).stream()
                .map(tickets::summary)
                .map(t -> new RelatedTicket(
                        t.id(),
                        t.number(),
                        t.subject(),
                        t.status(),
                        t.customer().name()))
                .toList();
    }

    /** Links two tickets as related (both ways); linking twice changes nothing. */
    @Transactional
    public List<RelatedTicket> link(long ticketId, long relatedId, Author by) {
        requireTicket(ticketId);
        if (relatedId == ticketId) {
            throw new InvalidInput("relatedId", "a ticket cannot be related to itself");
        }
        if (!tickets.exists(relatedId)) {
            throw new InvalidInput("relatedId", "no ticket with id " + relatedId);
        }
        Instant now = Times.now(clock);
        if (repository.link(ticketId, relatedId, by.id(), now)) {
            audit.record(ticketId, by, "linked", null, null, "#" + number(relatedId), now);
            audit.record(relatedId, by, "linked", null, null, "#" + number(ticketId), now);
        }
        return related(ticketId);
    }

    @Transactional
    public List<RelatedTicket> unlink(long ticketId, long relatedId, Author by) {
        requireTicket(ticketId);
        Instant now = Times.now(clock);
        if (repository.unlink(ticketId, relatedId)) {
            audit.record(ticketId, by, "unlinked", null, null, "#" + number(relatedId), now);
            audit.record(relatedId, by, "unlinked", null, null, "#" + number(ticketId), now);
        }
        return related(ticketId);
    }

    /** The agents following the ticket, in the order they began to. */
    @Transactional(readOnly = true)
    public List<Long> followers(long ticketId) {
        requireTicket(ticketId);
        return repository.followers(ticketId);
    }

    /** The agent follows the ticket: told of its new messages from then on. */
    @Transactional
    public List<Long> follow(long ticketId, long agentId) {
        requireTicket(ticketId);
        agents.find(agentId)
                .filter(AgentView::active)
                .orElseThrow(() -> new InvalidInput("agentId", "no active agent with id " + agentId));
        repository.follow(ticketId, agentId, Times.now(clock));
        return repository.followers(ticketId);
    }

    @Transactional
    public List<Long> unfollow(long ticketId, long agentId) {
        requireTicket(ticketId);
        repository.unfollow(ticketId, agentId);
        return repository.followers(ticketId);
    }

    /** The agents an internal note named with @. */
    @Transactional(readOnly = true)
    public List<Long> mentionedIn(long messageId) {
        return repository.mentioned(messageId);
    }

    /**
     * Who hears of a new message on the ticket: its assignee and followers, without the agent who wrote it and
     * without those the message names (they hear of it as a mention).
     */
    @Transactional(readOnly = true)
    public Set<Long> toTell(long ticketId, Long assigneeId, Long authorId, long messageId) {
        Set<Long> who = new LinkedHashSet<>();
        if (assigneeId != null) {
            who.add(assigneeId);
        }
        who.addAll(repository.followers(ticketId));
        if (authorId != null) {
            who.remove(authorId);
        }
        repository.mentioned(messageId).forEach(who::remove);
        return who;
    }

    /** In the note's transaction: the agents it names follow the ticket and are recorded as mentioned. */
    @EventListener
    void on(NoteAdded note) {
        if (note.agentId() == null) {
            return; // the desk's own notes (a merge, a follow-up) quote customers' words and name nobody
        }
        String body = messages.body(note.messageId());
        List<AgentView> named = agents.list();
        Set<Long> mentioned = Mentions.in(body, named);
        mentioned.remove(note.agentId());
        if (mentioned.isEmpty()) {
            return;
        }
        Instant now = Times.now(clock);
        repository.mention(note.messageId(), note.ticketId(), mentioned, now);
        mentioned.forEach(agent -> repository.follow(note.ticketId(), agent, now));
    }

    /** In the merge's transaction: links and followers go with the conversation. */
    @EventListener
    void on(TicketMerged merged) {
        repository.moveAll(merged.ticketId(), merged.intoId(), Times.now(clock));
    }

    private void requireTicket(long ticketId) {
        if (!tickets.exists(ticketId)) {
            throw NotFound.of("ticket", ticketId);
        }
    }

    private long number(long ticketId) {
        return tickets.numberOfId(ticketId).orElse(ticketId);
    }
}
