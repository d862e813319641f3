package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.tickets.Tickets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event stream and presence heartbeat behind an open ticket page. */
@Controller
class LiveTicketEndpoints {

    private static final Set<String> STATES = Set.of("viewing", "replying", "left");

    private final LiveTickets live;
    private final Tickets tickets;

    LiveTicketEndpoints(LiveTickets live, Tickets tickets) {
        this.live = live;
        this.tickets = tickets;
    }

    @GetMapping(value = "/tickets/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me) {
        if (!tickets.exists(id)) {
            throw io.rapport.common.NotFound.of("ticket", id);
        }
        return live.subscribe(id, me.id());
    }

    @PostMapping("/tickets/{id}/presence")
    ResponseEntity<Void> presence(
            @PathVariable long id, @RequestParam String state, @AuthenticationPrincipal AgentPrincipal me) {
        if (!STATES.contains(state)) {
            return ResponseEntity.badRequest().build();
        }
        live.presence(id, me.id(), me.name(), state);
        return ResponseEntity.noContent().build();
    }
}
