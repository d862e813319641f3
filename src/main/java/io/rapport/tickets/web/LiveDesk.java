package io.rapport.tickets.web;

import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEvent;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.io.IOException;
import java.time.Duration;
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
 * counts), and "notify" when a ticket is assigned to this agent by someone else or a customer answers one of theirs.
 * In-process, like {@link LiveTickets}.
 */
@Component
class LiveDesk {

    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();

    private record Subscriber(long agentId, Locale locale, SseEmitter emitter) {}

    /** What a notice says and where it leads. */
    record Notice(String text, String url) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Tickets tickets;
    private final MessageSource messages;

    LiveDesk(Tickets tickets, MessageSource messages) {
        this.tickets = tickets;
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
        Long agent = null;
        String key = null;
        if (event instanceof TicketAssigned assigned
                && assigned.toAgentId() != null
                && !assigned.toAgentId().equals(assigned.byAgentId())) {
            agent = assigned.toAgentId();
            key = "notice.assigned";
        } else if (event instanceof MessageReceived) {
            key = "notice.answered";
        }
        if (key == null) {
            return;
        }
        TicketView ticket = tickets.summary(event.ticketId());
        if (agent == null) {
            agent = ticket.assigneeId();
        }
        if (agent == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            if (s.agentId() == agent) {
                String text = messages.getMessage(
                        key,
                        new Object[] {
                            ticket.number(), ticket.subject(), ticket.customer().name()
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
