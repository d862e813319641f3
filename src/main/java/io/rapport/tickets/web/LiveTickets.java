package io.rapport.tickets.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.NoteAdded;
import io.rapport.tickets.TicketEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open ticket pages over Server-Sent Events: a new message refreshes the conversation, any other change
 * offers a reload, and each agent sees who else is viewing or replying. In-process: one node's browsers see one node's
 * changes (cluster mode will relay through the broker).
 */
@Component
class LiveTickets {

    static final Duration PRESENCE_TTL = Duration.ofSeconds(25);
    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();

    record Viewer(String name, String state) {}

    private record Seen(long ticketId, long agentId) {}

    record Presence(String name, String state) {}

    private record Subscriber(long agentId, SseEmitter emitter) {}

    private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /**
     * Who has which ticket open, forgotten {@link #PRESENCE_TTL} after their last heartbeat: the scheduler expires an
     * entry on time and the other viewers are told at once.
     */
    private final Cache<Seen, Viewer> viewers;

    LiveTickets(Clock clock) {
        this.viewers = Caffeine.newBuilder()
                .expireAfterWrite(PRESENCE_TTL)
                .ticker(() -> clock.millis() * 1_000_000L)
                .scheduler(Scheduler.systemScheduler())
                .removalListener((Seen seen, Viewer viewer, RemovalCause cause) -> {
                    if (seen != null && cause == RemovalCause.EXPIRED) {
                        broadcastPresence(seen.ticketId());
                    }
                })
                .build();
    }

    SseEmitter subscribe(long ticketId, long agentId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber subscriber = new Subscriber(agentId, emitter);
        subscribers.compute(ticketId, (id, list) -> {
            List<Subscriber> here = list == null ? new CopyOnWriteArrayList<>() : list;
            here.add(subscriber);
            return here;
        });
        Runnable remove = () -> unsubscribe(ticketId, subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(ticketId, subscriber, SseEmitter.event().name("presence").data(others(ticketId, agentId)));
        return emitter;
    }

    /** An agent's heartbeat: viewing, replying, or left. */
    void presence(long ticketId, long agentId, String name, String state) {
        Seen seen = new Seen(ticketId, agentId);
        Viewer before = "left".equals(state)
                ? viewers.asMap().remove(seen)
                : viewers.asMap().put(seen, new Viewer(name, state));
        if (before == null ? !"left".equals(state) : !before.state().equals(state)) {
            broadcastPresence(ticketId);
        }
    }

    List<Presence> others(long ticketId, long agentId) {
        return viewers.asMap().entrySet().stream()
                .filter(e -> e.getKey().ticketId() == ticketId && e.getKey().agentId() != agentId)
                .map(e -> new Presence(e.getValue().name(), e.getValue().state()))
                .toList();
    }

    /** Tells open pages after the change is committed, so a refresh reads what was written. */
    @EventListener
    void on(TicketEvent event) {
        String name = event instanceof MessageReceived || event instanceof AgentReplied || event instanceof NoteAdded
                ? "message"
                : "changed";
        AfterCommit.run(() -> broadcast(event.ticketId(), name));
    }

    /**
     * Ends every stream when the application shuts down: graceful shutdown waits for open requests, and a ticket page's
     * stream would otherwise hold it for the full timeout. Browsers reconnect to whichever node comes back.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter().complete()));
        subscribers.clear();
    }

    private void broadcast(long ticketId, String name) {
        for (Subscriber s : subscribers.getOrDefault(ticketId, List.of())) {
            send(ticketId, s, SseEmitter.event().name(name).data(ticketId));
        }
    }

    private void broadcastPresence(long ticketId) {
        for (Subscriber s : subscribers.getOrDefault(ticketId, List.of())) {
            send(ticketId, s, SseEmitter.event().name("presence").data(others(ticketId, s.agentId())));
        }
    }

    private void send(long ticketId, Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            unsubscribe(ticketId, subscriber);
        }
    }

    private void unsubscribe(long ticketId, Subscriber subscriber) {
        subscribers.computeIfPresent(ticketId, (id, list) -> {
            list.remove(subscriber);
            return list.isEmpty() ? null : list;
        });
    }
}
