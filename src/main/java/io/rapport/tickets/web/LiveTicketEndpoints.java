package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.NotFound;
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
    private final LiveDesk desk;
    private final Tickets tickets;

    LiveTicketEndpoints(LiveTickets live, LiveDesk desk, Tickets tickets) {
        this.live = live;
        this.desk = desk;
        this.tickets = tickets;
    }

    /** The desk's stream for any agent page: lists to refresh, and notices for this agent. */
    @GetMapping(value = "/tickets/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter deskEvents(@AuthenticationPrincipal AgentPrincipal me) {
        return desk.subscribe(me.id(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/tickets/{number}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long number, @AuthenticationPrincipal AgentPrincipal me) {
        return live.subscribe(idOf(number), me.id());
    }

    @PostMapping("/tickets/{number}/presence")
    ResponseEntity<Void> presence(
            @PathVariable long number, @RequestParam String state, @AuthenticationPrincipal AgentPrincipal me) {
        if (!STATES.contains(state)) {
            return ResponseEntity.badRequest().build();
        }
        live.presence(idOf(number), me.id(), me.name(), state);
        return ResponseEntity.noContent().build();
    }

    private long idOf(long number) {
        return tickets.idOfNumber(number).orElseThrow(() -> NotFound.of("ticket", "#" + number));
    }
}
