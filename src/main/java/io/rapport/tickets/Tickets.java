package io.rapport.tickets;

import io.rapport.accounts.Agents;
import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.Html;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.Times;
import io.rapport.tickets.internal.AttachmentStore;
import io.rapport.tickets.internal.AuditLog;
import io.rapport.tickets.internal.MessageRepository;
import io.rapport.tickets.internal.SharedViewCounts;
import io.rapport.tickets.internal.Ticket;
import io.rapport.tickets.internal.TicketRepository;
import io.rapport.tickets.internal.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/** The tickets module's entry point: open tickets, add messages, move them through the workflow, read them back. */
@Service
public class Tickets {

    public static final int MAX_SUBJECT = 250;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_TAGS = 20;

    /** Days after solving within which the customer's new ticket about the same problem is a repeat contact. */
    public static final int REPEAT_WINDOW_DAYS = 14;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Tickets.class);

    private final TicketRepository tickets;
    private final SharedViewCounts sharedCounts;
    private final MessageRepository messages;
    private final AuditLog audit;
    private final AttachmentStore files;
    private final Customers customers;
    private final Agents agents;
    private final Teams teams;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    /** Resolved once: a bean lookup per new ticket cost more than the rest of choosing its language. */
    private final Supplier<LanguageDetection> languages;

    private final Supplier<RepeatWatch> repeats;

    private final Clock clock;
    private final ObjectProvider<ConversationChannel> channels;

    Tickets(
            ObjectProvider<ConversationChannel> channels,
            TicketRepository tickets,
            SharedViewCounts sharedCounts,
            MessageRepository messages,
            AuditLog audit,
            AttachmentStore files,
            Customers customers,
            Agents agents,
            Teams teams,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ObjectProvider<LanguageDetection> languages,
            ObjectProvider<RepeatWatch> repeats,
            Clock clock) {
        this.languages = SingletonSupplier.ofNullable(languages::getIfAvailable);
        this.repeats = SingletonSupplier.ofNullable(repeats::getIfAvailable);
        this.teams = teams;
        this.transactions = transactions;
        this.tickets = tickets;
        this.sharedCounts = sharedCounts;
        this.messages = messages;
        this.audit = audit;
        this.files = files;
        this.customers = customers;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
        this.channels = channels;
    }

    /** Opens a ticket; the first message is the customer's description of the problem. */
    @Transactional
    public TicketView open(OpenTicket command) {
        return openTicket(command).ticket();
    }

    /** Opens a ticket and says which message is the customer's first (a channel records where that came from). */
    @Transactional
    public OpenedTicket openTicket(OpenTicket command) {
        return open(command, null);
    }

    /**
     * An agent opens a ticket by writing to the customer first (a call to follow up, a mail sent from outside Rapport):
     * the first message is the agent's public one and goes to the customer like any reply.
     */
    @Transactional
    public OpenedTicket openOutbound(OpenTicket command, Author agent) {
        if (agent == null || !agent.isAgent()) {
            throw new InvalidInput("author", "only an agent writes to a customer first");
        }
        return open(command, agent);
    }

    /**
     * Opens a ticket from the desk's new-ticket form and gives it to the agent or team chosen there, in one transaction,
     * so routing, which looks right after the commit, finds it already taken (or in its team). A ticket an agent opens
     * by writing to the customer, with nobody chosen, stays with that agent.
     */
    @Transactional
    public OpenedTicket openFromDesk(
            OpenTicket command, boolean outbound, Optional<Long> assignee, Optional<Long> team, Author by) {
        OpenedTicket opened = outbound ? openOutbound(command, by) : open(command, null);
        Optional<Long> owner = assignee.isEmpty() && outbound && by.id() != null ? Optional.of(by.id()) : assignee;
        if (owner.isPresent() || team.isPresent()) {
            changeTicket(
                    opened.ticket().id(),
                    new ChangeTicket(
                            null, owner.isPresent() ? owner : null, team.isPresent() ? team : null, null, null, null),
                    by);
            return new OpenedTicket(view(load(opened.ticket().id())), opened.firstMessageId());
        }
        return opened;
    }

    private OpenedTicket open(OpenTicket command, Author outboundBy) {
        String subject = checkSubject(command.subject());
        Body body = checkBody(command.body(), command.bodyHtml());
        Set<String> tags = checkTags(command.tags());
        CustomerRef customer = customers.identifyByEmail(command.customerEmail(), command.customerName());
        Channel channel = command.channel() == null ? Channel.API : command.channel();
        Instant now = Times.now(clock);
        TicketState draft = TicketState.opened(
                subject,
                command.priority() == null ? Priority.NORMAL : command.priority(),
                channel,
                customer.id(),
                languageOf(subject, body.text(), customer.preferredLanguage()),
                tags,
                now);
        TicketRepository.Inserted row = tickets.insert(draft, customer.name());
        TicketState stored = draft.stored(row.id(), row.number());
        long id = row.id();
        Author customerAuthor = Author.customer(customer);
        Author opener = command.openedBy() == null ? customerAuthor : command.openedBy();
        audit.record(id, opener, "created", null, null, subject, now);
        Author first = outboundBy == null ? customerAuthor : outboundBy;
        long messageId = messages.insert(id, first, Visibility.PUBLIC, channel, body.text(), body.html(), now);
        storeAttachments(id, messageId, command.attachments(), now);
        // a problem the customer brings back is linked before anyone reacts to the new ticket (ADR 30)
        TicketState ticket = outboundBy == null ? watchForRepeat(stored, body.text(), now) : stored;
        events.publishEvent(new TicketCreated(id, ticket.number(), customer.id(), channel));
        if (outboundBy != null) {
            // the agent's message: the ticket is open and the message goes to the customer as a reply does
            Ticket opened = new Ticket(ticket);
            opened.messageAdded(messageId, outboundBy, Visibility.PUBLIC, now);
            save(opened);
            return new OpenedTicket(view(load(id)), messageId);
        }
        // Everything the answer needs is in hand: no need to read the ticket back.
        return new OpenedTicket(toView(ticket, customer), messageId);
    }

    /**
     * Links a new ticket to the customer's ticket solved in the last {@value #REPEAT_WINDOW_DAYS} days that it brings
     * back, if the watch finds one, and marks that one's outcome repeat_contact. Both timelines say so. The watch
     * failing never stops a ticket from opening.
     */
    private TicketState watchForRepeat(TicketState ticket, String text, Instant now) {
        RepeatWatch watch = repeats.get();
        if (watch == null) {
            return ticket;
        }
        List<TicketRepository.RecentProblem> recent = tickets.recentlySolved(
                ticket.customerId(), now.minus(java.time.Duration.ofDays(REPEAT_WINDOW_DAYS)), ticket.id(), 20);
        Optional<RepeatWatch.Repeat> repeat;
        try {
            repeat = watch.arrived(
                    new RepeatWatch.Problem(ticket.id(), ticket.subject(), text, ticket.language()),
                    recent.stream().map(TicketRepository.RecentProblem::problem).toList());
        } catch (RuntimeException e) {
            log.warn(
                    "The repeat-contact watch failed on ticket {}; it opens unlinked: {}",
                    ticket.number(),
                    e.toString());
            return ticket;
        }
        Optional<TicketRepository.RecentProblem> earlier = repeat.flatMap(r -> recent.stream()
                .filter(p -> p.problem().ticketId() == r.ticketId())
                .findFirst());
        if (earlier.isEmpty()) {
            return ticket;
        }
        long earlierId = earlier.get().problem().ticketId();
        tickets.linkRepeat(ticket.id(), earlierId);
        Author watchAuthor = Author.system();
        audit.record(
                ticket.id(),
                watchAuthor,
                "repeat_of",
                null,
                null,
                "#" + earlier.get().number(),
                now);
        audit.record(earlierId, watchAuthor, "repeated_in", null, null, "#" + ticket.number(), now);
        if (tickets.markRepeatContact(earlierId)) {
            audit.record(
                    earlierId,
                    watchAuthor,
                    "outcome",
                    "outcome",
                    earlier.get().outcome().code(),
                    Outcome.REPEAT_CONTACT.code(),
                    now);
        }
        events.publishEvent(new RepeatContactChanged(earlierId, ticket.id(), true));
        return ticket.withRepeatOf(earlierId);
    }

    /** The numbers of the tickets in which this ticket's problem came back (ADR 30), oldest first. */
    public List<Long> cameBackIn(long ticketId) {
        return tickets.repeatNumbersOf(ticketId);
    }

    /**
     * An agent says a ticket linked as a repeat contact is another problem: the link goes, and the earlier ticket's
     * outcome returns to what it was before the watch changed it (unless another ticket still repeats it, or someone
     * set it since). Both timelines say who undid it. Nothing happens to a ticket that is not linked.
     */
    @Transactional
    public TicketView unlinkRepeat(long ticketId, Author by) {
        Ticket ticket = new Ticket(load(ticketId));
        Long earlierId = ticket.state().repeatOf();
        if (earlierId == null) {
            return view(ticket.state());
        }
        Instant now = Times.now(clock);
        TicketState earlier = load(earlierId);
        ticket.unlinkRepeat(earlier.number(), by, now);
        save(ticket);
        audit.record(
                earlierId,
                by,
                "repeat_unlinked_from",
                null,
                "#" + ticket.state().number(),
                null,
                now);
        // what the outcome was before the watch's change: the entry that made it repeat_contact says
        Outcome before = audit.forTicket(earlierId).stream()
                .filter(e -> "outcome".equals(e.field())
                        && Outcome.REPEAT_CONTACT.code().equals(e.after()))
                .reduce((first, second) -> second)
                .map(e -> Codes.stored(Outcome.class, e.before()))
                .orElse(Outcome.UNKNOWN);
        if (before != Outcome.REPEAT_CONTACT && tickets.restoreOutcomeAfterRepeat(earlierId, before)) {
            audit.record(earlierId, by, "outcome", "outcome", Outcome.REPEAT_CONTACT.code(), before.code(), now);
        }
        events.publishEvent(new RepeatContactChanged(ticketId, earlierId, false));
        events.publishEvent(new RepeatContactChanged(earlierId, ticketId, false));
        return view(load(ticketId));
    }

    /**
     * The language of a new ticket: the one its first message is written in when that is clear (ADR 23), else the one
     * the customer chose. A short body is read with its subject, which then carries much of what it says.
     */
    private String languageOf(String subject, String body, String chosen) {
        LanguageDetection detection = languages.get();
        if (detection == null) {
            return chosen;
        }
        String text = body.codePoints().filter(Character::isLetter).count() >= 20 ? body : subject + "\n" + body;
        return detection.detect(text).orElse(chosen);
    }

    /** Adds a message. A customer's message reopens a pending or solved ticket; an agent's first reply opens a new one. */
    @Transactional
    public MessageView addMessage(long ticketId, AddMessage command) {
        return addMessage(ticketId, command, null);
    }

    /**
     * Adds a message and then moves the ticket, as one step: if the move fails (an illegal step), the message is not
     * sent either, so trying again cannot send it twice. A reply that solves the ticket asks the customer whether it
     * is solved (one mail, not two).
     */
    @Transactional
    public MessageView addMessage(long ticketId, AddMessage command, TicketStatus then) {
        Ticket ticket = lock(ticketId);
        Visibility visibility = command.visibility() == null ? Visibility.PUBLIC : command.visibility();
        if (command.author().isCustomer() && visibility == Visibility.INTERNAL) {
            throw new InvalidInput("visibility", "customers cannot write internal notes");
        }
        Body body = checkBody(command.body(), command.bodyHtml());
        Instant now = Times.now(clock);
        Channel channel = command.channel() == null ? ticket.channel() : command.channel();
        long messageId = messages.insert(
                ticketId, command.author(), visibility, channel, body.text(), body.html(), now, command.origin());
        List<AttachmentView> files = storeAttachments(ticketId, messageId, command.attachments(), now);
        ticket.messageAdded(messageId, command.author(), visibility, now);
        if (command.author().isAgent()
                && visibility == Visibility.PUBLIC
                && ticket.assigneeId() == null
                && command.author().id() != null
                && teams.replyAssigns(ticket.teamId())) {
            ticket.assign(command.author().id(), command.author(), now); // who answers, owns it (a team setting)
        }
        if (then != null) {
            ticket.moveTo(then, command.author(), now);
        }
        save(ticket);
        // what was written, as it was written: no need to read it back
        return new MessageView(
                messageId,
                ticketId,
                command.author(),
                visibility,
                body.text(),
                body.html(),
                channel,
                now,
                files,
                null,
                null,
                command.origin());
    }

    /** A customer's message on their own ticket; someone else's ticket is not found. */
    @Transactional
    public MessageView addCustomerMessage(long ticketId, CustomerRef customer, String body, List<NewAttachment> files) {
        requireOwnedBy(ticketId, customer.id());
        return addMessage(ticketId, fromCustomer(customer, body, files));
    }

    private static AddMessage fromCustomer(CustomerRef customer, String body, List<NewAttachment> files) {
        return new AddMessage(body, null, Visibility.PUBLIC, Channel.WEB, Author.customer(customer), files);
    }

    /** Changes status, assignee, team, priority or tags in one step, each change audited. */
    @Transactional
    public TicketView change(long ticketId, ChangeTicket change, Author by) {
        return changeTicket(ticketId, change, by);
    }

    /**
     * Routing's push: assigns a new or open ticket that nobody holds yet. False when someone took it meanwhile or it is
     * no longer waiting for an agent (the row is locked first, so a colleague's own assignment is never overwritten).
     */
    @Transactional
    public boolean assignIfUnassigned(long ticketId, long agentId, Author by) {
        TicketState state = lock(ticketId).state();
        if (state.assigneeId() != null
                || (state.status() != TicketStatus.NEW && state.status() != TicketStatus.OPEN)
                || state.mergedInto() != null) {
            return false;
        }
        changeTicket(ticketId, new ChangeTicket(null, Optional.of(agentId), null, null, null, null), by);
        return true;
    }

    /**
     * A follow-up goes back to the people of the ticket it follows: to the agent and to the team, each only if they
     * still take tickets (a deactivated agent or team is left out, and the mail is not lost over it).
     */
    @Transactional
    public void giveBackTo(long ticketId, Long assigneeId, Long teamId, Author by) {
        Optional<Long> assignee = assigneeId != null
                        && agents.find(assigneeId).filter(a -> a.active()).isPresent()
                ? Optional.of(assigneeId)
                : null;
        Optional<Long> team = teamId != null && teams.takesTickets(teamId) ? Optional.of(teamId) : null;
        if (assignee != null || team != null) {
            changeTicket(ticketId, new ChangeTicket(null, assignee, team, null, null, null), by);
        }
    }

    private TicketView changeTicket(long ticketId, ChangeTicket change, Author by) {
        Ticket ticket = lock(ticketId);
        if (change.expectedVersion() != null && change.expectedVersion() != ticket.version()) {
            throw Ticket.changedMeanwhile(ticket.number());
        }
        apply(ticket, change, by);
        save(ticket);
        return view(load(ticketId));
    }

    /**
     * An agent's edit of fields they saw as {@code readAs}: a field someone else changed meanwhile is saved only if
     * this agent left it alone or chose the same; a field both changed to different values is not saved and comes back
     * as a conflict with both values. Tags merge: what this agent added or removed is added to or removed from the
     * tags as they are now. Everything else the agent changed is saved.
     */
    @Transactional
    public TicketEdit edit(long ticketId, ChangeTicket mine, ChangeTicket readAs, Author by) {
        Ticket ticket = lock(ticketId);
        List<TicketEdit.FieldConflict> conflicts = new ArrayList<>();
        TicketStatus status = merged("status", mine.status(), readAs.status(), ticket.status(), conflicts);
        Optional<Long> assignee =
                mergedOptional("assignee", mine.assigneeId(), readAs.assigneeId(), ticket.assigneeId(), conflicts);
        Optional<Long> team = mergedOptional("team", mine.teamId(), readAs.teamId(), ticket.teamId(), conflicts);
        Priority priority = merged("priority", mine.priority(), readAs.priority(), ticket.priority(), conflicts);
        Set<String> tags = null;
        if (mine.tags() != null) {
            Set<String> wanted = checkTags(mine.tags());
            Set<String> before = readAs.tags() == null ? ticket.tags() : checkTags(readAs.tags());
            tags = new java.util.TreeSet<>(ticket.tags());
            before.stream().filter(t -> !wanted.contains(t)).forEach(tags::remove);
            tags.addAll(wanted);
        }
        apply(ticket, new ChangeTicket(status, assignee, team, priority, tags, null), by);
        boolean changed = !ticket.changes().isEmpty();
        if (changed) {
            save(ticket); // nothing changed, nothing written: the version stays, so open pages have nothing to merge
        }
        return new TicketEdit(view(load(ticketId)), conflicts, changed);
    }

    /** Mine, when this agent changed the field and nobody else did; null (leave it) otherwise. */
    private static <T> T merged(String field, T mine, T readAs, T current, List<TicketEdit.FieldConflict> conflicts) {
        if (mine == null || mine.equals(current)) {
            return null;
        }
        if (readAs == null || readAs.equals(current)) {
            return mine;
        }
        conflicts.add(new TicketEdit.FieldConflict(field, code(mine), code(current)));
        return null;
    }

    private static Optional<Long> mergedOptional(
            String field,
            Optional<Long> mine,
            Optional<Long> readAs,
            Long current,
            List<TicketEdit.FieldConflict> conflicts) {
        if (mine == null) {
            return null;
        }
        Optional<Long> now = Optional.ofNullable(current);
        return merged(field, mine, readAs, now, conflicts);
    }

    private static String code(Object value) {
        if (value instanceof Optional<?> o) {
            return o.map(Tickets::code).orElse(null);
        }
        return value instanceof io.rapport.common.Coded c ? c.code() : String.valueOf(value);
    }

    private void apply(Ticket ticket, ChangeTicket change, Author by) {
        Instant now = Times.now(clock);
        if (change.assigneeId() != null) {
            Long assignee = change.assigneeId().orElse(null);
            if (assignee != null
                    && agents.find(assignee).filter(a -> a.active()).isEmpty()) {
                throw new InvalidInput("assigneeId", "no active agent with id " + assignee);
            }
            ticket.assign(assignee, by, now);
        }
        if (change.teamId() != null) {
            Long team = change.teamId().orElse(null);
            // a ticket may stay with its team after the team was deactivated; it only takes no new ones
            if (team != null && !team.equals(ticket.teamId()) && !teams.takesTickets(team)) {
                throw new InvalidInput("teamId", "no active team with id " + team);
            }
            ticket.moveToTeam(team, by, now);
        }
        if (change.priority() != null) {
            ticket.prioritize(change.priority(), by, now);
        }
        if (change.tags() != null) {
            ticket.retag(checkTags(change.tags()), by, now);
        }
        if (change.status() != null) {
            ticket.moveTo(change.status(), by, now);
        }
    }

    /**
     * Merges ticket {@code fromId} into {@code intoId}: the conversation (with attachments) and the tags move, the
     * merged ticket closes with a note and a link to where it went, and both trails say so. Only tickets of the same
     * customer merge (another customer's messages would show in a portal that is not theirs).
     */
    @Transactional
    public TicketView merge(long fromId, long intoId, Author by) {
        if (fromId == intoId) {
            throw new InvalidInput("intoId", "is this ticket: a ticket cannot be merged into itself");
        }
        // locked in id order, so that two merges of the same pair at once wait instead of deadlocking
        java.util.Map<Long, Ticket> locked = new java.util.HashMap<>();
        for (long id : new long[] {Math.min(fromId, intoId), Math.max(fromId, intoId)}) {
            tickets.findForUpdate(id).map(Ticket::new).ifPresent(t -> locked.put(id, t));
        }
        Ticket from = locked.get(fromId);
        Ticket into = locked.get(intoId);
        if (from == null) {
            throw NotFound.of("ticket", fromId);
        }
        if (into == null) {
            throw new InvalidInput("intoId", "no ticket with id " + intoId);
        }
        for (Ticket t : List.of(from, into)) {
            if (t.mergedInto() != null) {
                throw Ticket.mergedAlready(t.number());
            }
        }
        if (from.customerId() != into.customerId()) {
            throw new Conflict(
                    "ticket.mergeCustomers",
                    "tickets " + from.number() + " and " + into.number()
                            + " belong to different customers; merge the customers first",
                    String.valueOf(from.number()),
                    String.valueOf(into.number()));
        }
        Instant now = Times.now(clock);
        into.absorb(from.number(), from.tags(), by, now);
        int moved = messages.moveAll(fromId, intoId);
        long inNote = messages.insert(
                intoId,
                Author.system(),
                Visibility.INTERNAL,
                into.channel(),
                "Merged from #" + from.number() + " (" + from.subject() + "): " + moved
                        + (moved == 1 ? " message" : " messages") + " moved here.",
                null,
                now);
        into.messageAdded(inNote, Author.system(), Visibility.INTERNAL, now);
        long outNote = messages.insert(
                fromId,
                Author.system(),
                Visibility.INTERNAL,
                from.channel(),
                "Merged into #" + into.number() + " (" + into.subject() + "); the conversation continues there.",
                null,
                now);
        if (from.status() != TicketStatus.CLOSED) {
            from.messageAdded(outNote, Author.system(), Visibility.INTERNAL, now);
        }
        from.mergeInto(intoId, into.number(), by, now);
        save(from);
        save(into);
        return get(intoId);
    }

    /** "Yes, it is solved": only the ticket's own customer can say it, and only while it is solved. */
    @Transactional
    public TicketView confirmSolved(long ticketId, CustomerRef customer) {
        customerAnswer(ticketId, customer, t -> t.confirmSolution(Author.customer(customer), Times.now(clock)));
        return forCustomer(ticketId, customer.id());
    }

    /** "No, still a problem": the ticket reopens with outcome not_solved. */
    @Transactional
    public TicketView rejectSolution(long ticketId, CustomerRef customer) {
        return rejectSolution(ticketId, customer, null);
    }

    /** "No, still a problem", with what the customer says about it; both or neither are stored. */
    @Transactional
    public TicketView rejectSolution(long ticketId, CustomerRef customer, String comment) {
        customerAnswer(ticketId, customer, t -> t.rejectSolution(Author.customer(customer), Times.now(clock)));
        if (comment != null && !comment.isBlank()) {
            addMessage(ticketId, fromCustomer(customer, comment, List.of())); // ownership checked just above
        }
        return forCustomer(ticketId, customer.id());
    }

    /** Applies the customer's answer to their own ticket; someone else's ticket is not found. */
    private void customerAnswer(long ticketId, CustomerRef customer, Consumer<Ticket> answer) {
        Ticket ticket = lock(ticketId);
        if (ticket.customerId() != customer.id()) {
            throw NotFound.of("ticket", ticketId);
        }
        answer.accept(ticket);
        save(ticket);
    }

    /**
     * Closes solved tickets the customer did not answer within the given time; returns how many were closed. Each ticket
     * closes in its own transaction, so one that changes meanwhile (the customer answers) is skipped, not the batch.
     */
    public int closeUnanswered(java.time.Duration after, int batch) {
        Instant cutoff = Times.now(clock).minus(after);
        int closed = 0;
        for (long id : tickets.solvedBefore(cutoff, batch)) {
            Boolean done = transactions.execute(tx -> {
                Ticket ticket = lock(id);
                if (ticket.status() != TicketStatus.SOLVED || !ticket.solvedAt().isBefore(cutoff)) {
                    return false;
                }
                ticket.closeUnconfirmed(Times.now(clock));
                save(ticket);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                closed++;
            }
        }
        return closed;
    }

    /** One ticket with its whole conversation, internal notes included: for agents. */
    @Transactional(readOnly = true)
    public TicketView get(long ticketId) {
        return view(load(ticketId)).withMessages(withChannels(ticketId, messages.forTicket(ticketId, true)));
    }

    /** Each message that travelled through a channel (a mail), with its envelope and how it reached the customer. */
    private List<MessageView> withChannels(long ticketId, List<MessageView> list) {
        Map<Long, MessageDelivery> deliveries = new java.util.HashMap<>();
        Map<Long, MessageEnvelope> envelopes = new java.util.HashMap<>();
        channels.forEach(c -> {
            deliveries.putAll(c.deliveries(ticketId));
            envelopes.putAll(c.envelopes(ticketId));
        });
        if (deliveries.isEmpty() && envelopes.isEmpty()) {
            return list;
        }
        return list.stream()
                .map(m -> m.withChannel(envelopes.get(m.id()), deliveries.get(m.id())))
                .toList();
    }

    /** Tickets as a search index keeps them: fields and every message's text, many at a time (ADR 26). */
    @Transactional(readOnly = true)
    public List<TicketDocument> documents(Collection<Long> ids) {
        List<TicketState> states = tickets.findAll(ids);
        Map<Long, List<TicketDocument.Text>> texts =
                messages.textsOf(states.stream().map(TicketState::id).toList());
        return states.stream()
                .map(t -> new TicketDocument(
                        t.id(),
                        t.number(),
                        t.subject(),
                        t.status(),
                        t.channel(),
                        t.priority(),
                        t.customerId(),
                        t.assigneeId(),
                        t.teamId(),
                        t.language(),
                        t.tags(),
                        t.mergedInto(),
                        t.createdAt(),
                        t.updatedAt(),
                        texts.getOrDefault(t.id(), List.of())))
                .toList();
    }

    /** How many tickets there are, merged ones included. */
    public long count() {
        return tickets.count();
    }

    /** Ticket ids above {@code afterId}, in order (for reading every ticket, page by page). */
    public List<Long> idsAfter(long afterId, int limit) {
        return tickets.idsAfter(afterId, limit);
    }

    /**
     * Solved and closed tickets, merged ones left out, among the {@code span} tickets below {@code beforeId} (newest
     * first), and the lowest id of those: the next window is below it. 0 when there are no tickets below.
     */
    public record SolvedWindow(List<Long> solved, long lowestId) {}

    /** A window of a walk down every ticket, a {@code span} of them at a time, that wants the solved ones. */
    public SolvedWindow solvedBelow(long beforeId, int span) {
        return tickets.solvedBelow(beforeId, span);
    }

    /** How many solved and closed tickets (merged ones left out) have an id below {@code beforeId}. */
    public long countSolvedBefore(long beforeId) {
        return tickets.countSolvedBefore(beforeId);
    }

    /** The highest ticket id there is, 0 when there are no tickets. */
    public long lastId() {
        return tickets.lastId();
    }

    /** A customer's ticket ids, newest first. */
    public List<Long> idsOfCustomer(long customerId, int limit) {
        return tickets.idsOfCustomer(customerId, limit);
    }

    /** One ticket without its conversation: for deciding about it (its status, customer, people) cheaply. */
    @Transactional(readOnly = true)
    public TicketView summary(long ticketId) {
        return view(load(ticketId));
    }

    /** One message of a ticket, as agents see it; one of another ticket is not found. */
    @Transactional(readOnly = true)
    public Optional<MessageView> message(long ticketId, long messageId) {
        return messages.find(ticketId, messageId);
    }

    /** One of the customer's own tickets, public messages only; anyone else's is not found. */
    @Transactional(readOnly = true)
    public TicketView forCustomer(long ticketId, long customerId) {
        return view(requireOwnedBy(ticketId, customerId)).withMessages(messages.forTicket(ticketId, false));
    }

    @Transactional(readOnly = true)
    public Page<TicketView> find(TicketQuery query) {
        return views(tickets.find(query, null, agentsByName(query)));
    }

    /** For a sort by assignee: the agents in the order of their names (they live in accounts). */
    private List<Long> agentsByName(TicketQuery query) {
        String sort = query.sort() == null ? "" : query.sort();
        if (!sort.equals("assignee") && !sort.equals("-assignee")) {
            return List.of();
        }
        return agents.list().stream()
                .sorted(java.util.Comparator.comparing(a -> a.name().toLowerCase(java.util.Locale.ROOT)))
                .map(io.rapport.accounts.AgentView::id)
                .toList();
    }

    /** Counting past this many matches tells an agent nothing; "10,000+" is the answer. */
    public static final long VIEW_COUNT_LIMIT = 10_000;

    /** A page for an agent view: the total is exact up to {@link #VIEW_COUNT_LIMIT}, then a lower bound. */
    @Transactional(readOnly = true)
    public Page<TicketView> findForView(TicketQuery query) {
        return views(tickets.find(query, VIEW_COUNT_LIMIT, agentsByName(query)));
    }

    /**
     * The agent's view counts. The agent's own and team counts are exact; the desk-wide ones are shared by all agents
     * and at most 10 seconds old (see {@link SharedViewCounts}), so that a page load does not count every ticket in play.
     */
    @Transactional(readOnly = true)
    public ViewCounts counts(long agentId, Collection<Long> teamIds) {
        SharedViewCounts.Counts shared = sharedCounts.get();
        return new ViewCounts(
                tickets.countActiveForAgent(agentId),
                shared.unassigned(),
                tickets.countActiveForTeams(teamIds),
                shared.open(),
                shared.pending(),
                shared.solved());
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> audit(long ticketId) {
        load(ticketId);
        return audit.forTicket(ticketId);
    }

    /** An attachment for an agent. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(long attachmentId) {
        MessageRepository.StoredAttachment stored =
                messages.attachment(attachmentId).orElseThrow(() -> NotFound.of("attachment", attachmentId));
        return new AttachmentContent(stored.view(), files.path(stored.storageKey()));
    }

    /** An attachment of this ticket for an agent; one of another ticket is not found here. */
    @Transactional(readOnly = true)
    public AttachmentContent attachmentOf(long ticketId, long attachmentId) {
        MessageRepository.StoredAttachment stored = messages.attachment(attachmentId)
                .filter(a -> a.ticketId() == ticketId)
                .orElseThrow(() -> NotFound.of("attachment", attachmentId));
        return new AttachmentContent(stored.view(), files.path(stored.storageKey()));
    }

    /** An attachment on a public message of the customer's own ticket; anything else is not found. */
    @Transactional(readOnly = true)
    public AttachmentContent attachmentForCustomer(long attachmentId, long customerId) {
        MessageRepository.StoredAttachment stored = messages.attachment(attachmentId)
                .filter(MessageRepository.StoredAttachment::publicMessage)
                .orElseThrow(() -> NotFound.of("attachment", attachmentId));
        requireOwnedBy(stored.ticketId(), customerId);
        return new AttachmentContent(stored.view(), files.path(stored.storageKey()));
    }

    /** The id of the ticket people call by this number (#2875). */
    @Transactional(readOnly = true)
    public Optional<Long> idOfNumber(long number) {
        return tickets.idOfNumber(number, null);
    }

    /** The id of the customer's own ticket with this number; nobody else's. */
    @Transactional(readOnly = true)
    public Optional<Long> idOfNumberFor(long customerId, long number) {
        return tickets.idOfNumber(number, customerId);
    }

    /** The number of the ticket with this id: addresses used to carry the id. */
    @Transactional(readOnly = true)
    public Optional<Long> numberOfId(long id) {
        return tickets.numberOfId(id, null);
    }

    /** The number of the customer's own ticket with this id; nobody else's. */
    @Transactional(readOnly = true)
    public Optional<Long> numberOfIdFor(long customerId, long id) {
        return tickets.numberOfId(id, customerId);
    }

    /** Whether a ticket with this id exists. */
    @Transactional(readOnly = true)
    public boolean exists(long ticketId) {
        return tickets.exists(ticketId);
    }

    /** The ticket with its row locked for the rest of the transaction: for every change. */
    private Ticket lock(long id) {
        return new Ticket(tickets.findForUpdate(id).orElseThrow(() -> NotFound.of("ticket", id)));
    }

    private TicketState load(long id) {
        return tickets.find(id).orElseThrow(() -> NotFound.of("ticket", id));
    }

    private TicketState requireOwnedBy(long ticketId, long customerId) {
        return tickets.find(ticketId)
                .filter(t -> t.customerId() == customerId)
                .orElseThrow(() -> NotFound.of("ticket", ticketId));
    }

    private void save(Ticket ticket) {
        TicketState state = ticket.state();
        tickets.update(state, ticket.tagsAsLoaded());
        for (Ticket.Change c : ticket.changes()) {
            audit.record(state.id(), c.by(), c.action(), c.field(), c.before(), c.after(), state.updatedAt());
        }
        ticket.events().forEach(events::publishEvent);
        ticket.clearRecorded();
    }

    private List<AttachmentView> storeAttachments(
            long ticketId, long messageId, List<NewAttachment> attachments, Instant now) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        List<String> written = new ArrayList<>();
        // Files are not transactional: if the transaction rolls back, remove what was written for it.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        written.forEach(files::delete);
                    }
                }
            });
        }
        List<AttachmentView> views = new ArrayList<>();
        for (NewAttachment attachment : attachments) {
            AttachmentStore.Stored stored = files.store(attachment);
            written.add(stored.key());
            String contentId = contentId(attachment.contentId());
            long id = messages.insertAttachment(
                    ticketId,
                    messageId,
                    stored.filename(),
                    stored.contentType(),
                    stored.size(),
                    stored.key(),
                    stored.sha256(),
                    contentId,
                    now);
            views.add(new AttachmentView(id, stored.filename(), stored.contentType(), stored.size(), contentId));
        }
        return List.copyOf(views);
    }

    /** A Content-ID as the body refers to it; an unusable one (too long, control characters) is dropped. */
    private static String contentId(String id) {
        if (id == null || id.isBlank() || id.length() > 250 || id.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return id.strip();
    }

    private TicketView view(TicketState t) {
        return views(new Page<>(List.of(t), 1, 0, 1)).items().getFirst();
    }

    private Page<TicketView> views(Page<TicketState> page) {
        Map<Long, CustomerRef> refs = customers.refs(
                page.items().stream().map(TicketState::customerId).distinct().toList());
        return page.map(t -> toView(t, refs.get(t.customerId())));
    }

    private static TicketView toView(TicketState t, CustomerRef c) {
        return new TicketView(
                t.id(),
                t.number(),
                t.subject(),
                t.status(),
                t.outcome(),
                t.priority(),
                t.channel(),
                c == null
                        ? new TicketView.CustomerSummary(t.customerId(), null, null, null)
                        : new TicketView.CustomerSummary(c.id(), c.email(), c.name(), c.preferredLanguage()),
                t.assigneeId(),
                t.teamId(),
                List.copyOf(t.tags()),
                t.language(),
                t.repeatOf(),
                t.mergedInto(),
                t.createdAt(),
                t.updatedAt(),
                t.solvedAt(),
                t.closedAt(),
                t.version(),
                null,
                java.util.Map.of());
    }

    private record Body(String text, String html) {}

    private static Body checkBody(String text, String html) {
        String safeHtml = Html.sanitize(html);
        String plain = text != null && !text.isBlank() ? text.strip() : Html.toText(safeHtml);
        if (plain == null || plain.isBlank()) {
            throw new InvalidInput("body", "is required");
        }
        if (plain.length() > MAX_BODY || (safeHtml != null && safeHtml.length() > 4 * MAX_BODY)) {
            throw new InvalidInput("body", "must have at most " + MAX_BODY + " characters");
        }
        return new Body(plain, safeHtml);
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String checkSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidInput("subject", "is required");
        }
        String s = SPACES.matcher(subject.strip()).replaceAll(" ");
        if (s.length() > MAX_SUBJECT) {
            throw new InvalidInput("subject", "must have at most " + MAX_SUBJECT + " characters");
        }
        return s;
    }

    /** Tags as the desk keeps them (lower case, dashes for spaces), refused naming the bad one; tickets and articles. */
    public static Set<String> checkTags(Collection<String> tags) {
        if (tags == null) {
            return Set.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            if (!t.matches("[\\p{L}\\p{N}_.:-]{1,50}")) {
                throw new InvalidInput("tags", "a tag has 1 to 50 letters, digits or _ . : - (got \"" + tag + "\")");
            }
            clean.add(t);
        }
        return clean;
    }
}
