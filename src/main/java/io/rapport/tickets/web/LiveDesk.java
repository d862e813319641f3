package io.rapport.tickets.web;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.Collaboration;
import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.NoteAdded;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEvent;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The desk's live stream for every agent page: "lists" when any ticket changes (views refresh their table and
 * counts), and "notify" when a ticket is assigned to this agent by someone else, a customer or a colleague writes on a
 * ticket of theirs or one they follow, or a colleague names them in a note.
 * In-process, like {@link LiveTickets}.
 */
@Component
class LiveDesk implements io.rapport.tickets.DeskNotices {

    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();

    private record Subscriber(long agentId, Locale locale, SseEmitter emitter) {}

    /** What a notice says and where it leads. */
    record Notice(String text, String url) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Tickets tickets;
    private final Collaboration collaboration;
    private final Agents agents;
    private final MessageSource messages;

    LiveDesk(Tickets tickets, Collaboration collaboration, Agents agents, MessageSource messages) {
        this.tickets = tickets;
        this.collaboration = collaboration;
        this.agents = agents;
        this.messages = messages;
    }

    SseEmitter subscribe(long agentId, Locale locale) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber subscriber = new Subscriber(agentId, locale, emitter);
        subscribers.add(subscriber);
        Runnable remove = () -> subscribers.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(subscriber, SseEmitter.event().name("hello").data("{}"));
        return emitter;
    }

    @Override
    public void tell(java.util.Collection<Long> agentIds, long ticketId, String messageKey, Object... args) {
        if (subscribers.stream().noneMatch(s -> agentIds.contains(s.agentId()))) {
            return;
        }
        TicketView ticket = tickets.summary(ticketId);
        for (Subscriber s : subscribers) {
            if (agentIds.contains(s.agentId())) {
                Object[] all = new Object[3 + args.length];
                all[0] = ticket.number();
                all[1] = ticket.subject();
                all[2] = ticket.customer().name();
                System.arraycopy(args, 0, all, 3, args.length);
                send(
                        s,
                        SseEmitter.event()
                                .name("notify")
                                .data(Map.of(
                                        "text",
                                        messages.getMessage(messageKey, all, s.locale()),
                                        "url",
                                        "/tickets/" + ticket.number())));
            }
        }
    }

    /** After the change commits, so that a refresh reads what was written. */
    @EventListener
    void on(TicketEvent event) {
        AfterCommit.run(() -> push(event));
    }

    private void push(TicketEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (Subscriber s : subscribers) {
            send(s, SseEmitter.event().name("lists").data(event.ticketId()));
        }
        // the ticket is read once, and only when someone may be told about it
        TicketView[] read = {null};
        java.util.function.Supplier<TicketView> summary =
                () -> read[0] != null ? read[0] : (read[0] = tickets.summary(event.ticketId()));
        Map<Long, String> notices = notices(event, summary);
        if (notices.isEmpty() || subscribers.stream().noneMatch(s -> notices.containsKey(s.agentId()))) {
            return;
        }
        TicketView ticket = summary.get();
        String by = switch (event) {
            case AgentReplied r -> agentName(r.agentId());
            case NoteAdded n -> n.agentId() == null ? "" : agentName(n.agentId());
            default -> "";
        };
        for (Subscriber s : subscribers) {
            String key = notices.get(s.agentId());
            if (key != null) {
                String text = messages.getMessage(
                        key,
                        new Object[] {
                            ticket.number(), ticket.subject(), ticket.customer().name(), by
                        },
                        s.locale());
                send(
                        s,
                        SseEmitter.event()
                                .name("notify")
                                .data(Map.of("text", text, "url", "/tickets/" + ticket.number())));
            }
        }
    }

    /**
     * Who is told what, by message key: the agent a ticket is given to (by someone else); the assignee and followers
     * when the customer writes or a colleague replies or notes (never the one who wrote); the agents a note names.
     */
    private Map<Long, String> notices(TicketEvent event, java.util.function.Supplier<TicketView> ticket) {
        Map<Long, String> notices = new LinkedHashMap<>();
        switch (event) {
            case TicketAssigned assigned -> {
                if (assigned.toAgentId() != null && !assigned.toAgentId().equals(assigned.byAgentId())) {
                    notices.put(assigned.toAgentId(), "notice.assigned");
                }
            }
            case MessageReceived m -> tell(notices, ticket.get(), null, m.messageId(), "notice.answered");
            case AgentReplied r -> tell(notices, ticket.get(), r.agentId(), r.messageId(), "notice.replied");
            case NoteAdded n -> {
                if (n.agentId() != null) { // the desk's own notes are not news
                    collaboration.mentionedIn(n.messageId()).forEach(agent -> notices.put(agent, "notice.mentioned"));
                    tell(notices, ticket.get(), n.agentId(), n.messageId(), "notice.noted");
                }
            }
            default -> {}
        }
        return notices;
    }

    private void tell(Map<Long, String> notices, TicketView ticket, Long author, long messageId, String key) {
        collaboration
                .toTell(ticket.id(), ticket.assigneeId(), author, messageId)
                .forEach(agent -> notices.putIfAbsent(agent, key));
    }

    private String agentName(long id) {
        return agents.find(id).map(AgentView::name).orElse("");
    }

    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
        }
    }
}
