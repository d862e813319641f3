package io.rapport.tickets.web;

import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.MessageReceived;
import io.rapport.tickets.NoteAdded;
import io.rapport.tickets.TicketEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    record Viewer(long agentId, String name, String state, Instant lastSeen) {}

    record Presence(String name, String state) {}

    private record Subscriber(long agentId, SseEmitter emitter) {}

    private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, Viewer>> viewers = new ConcurrentHashMap<>();

    SseEmitter subscribe(long ticketId, long agentId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber subscriber = new Subscriber(agentId, emitter);
        subscribers.computeIfAbsent(ticketId, k -> new CopyOnWriteArrayList<>()).add(subscriber);
        Runnable remove = () -> {
            List<Subscriber> list = subscribers.get(ticketId);
            if (list != null) {
                list.remove(subscriber);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(ticketId, subscriber, SseEmitter.event().name("presence").data(others(ticketId, agentId)));
        return emitter;
    }

    /** An agent's heartbeat: viewing, replying, or left. */
    void presence(long ticketId, long agentId, String name, String state) {
        Map<Long, Viewer> here = viewers.computeIfAbsent(ticketId, k -> new ConcurrentHashMap<>());
        Viewer before = "left".equals(state)
                ? here.remove(agentId)
                : here.put(agentId, new Viewer(agentId, name, state, Instant.now()));
        if (before == null || !before.state().equals(state)) {
            broadcastPresence(ticketId);
        }
    }

    List<Presence> others(long ticketId, long agentId) {
        Instant cutoff = Instant.now().minus(PRESENCE_TTL);
        return viewers.getOrDefault(ticketId, Map.of()).values().stream()
                .filter(v -> v.agentId() != agentId && v.lastSeen().isAfter(cutoff))
                .map(v -> new Presence(v.name(), v.state()))
                .toList();
    }

    /** Tells open pages after the change is committed, so a refresh reads what was written. */
    @EventListener
    void on(TicketEvent event) {
        String name = event instanceof MessageReceived || event instanceof AgentReplied || event instanceof NoteAdded
                ? "message"
                : "changed";
        Runnable push = () -> broadcast(event.ticketId(), name);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
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

    @Scheduled(fixedDelay = 10_000)
    void expireViewers() {
        Instant cutoff = Instant.now().minus(PRESENCE_TTL);
        viewers.forEach((ticketId, here) -> {
            if (here.values().removeIf(v -> v.lastSeen().isBefore(cutoff))) {
                broadcastPresence(ticketId);
            }
        });
        viewers.values().removeIf(Map::isEmpty);
        subscribers.values().removeIf(List::isEmpty);
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
            List<Subscriber> list = subscribers.get(ticketId);
            if (list != null) {
                list.remove(subscriber);
            }
        }
    }
}
