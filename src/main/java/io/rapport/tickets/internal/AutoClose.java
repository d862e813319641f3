package io.rapport.tickets.internal;

import io.rapport.tickets.Tickets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes solved tickets the customer never answered, with outcome unconfirmed. Each ticket closes in its own
 * transaction under a row lock and is checked again first, so two nodes running this at once cannot close one twice.
 */
@Component
class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);

    private final Tickets tickets;
    private final Duration after;
    private final boolean enabled;

    AutoClose(
            Tickets tickets,
            @Value("${rapport.portal.auto-close-after:7d}") Duration after,
            @Value("${rapport.portal.auto-close-enabled:true}") boolean enabled) {
        this.tickets = tickets;
        this.after = after;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void closeUnanswered() {
        if (!enabled) {
            return;
        }
        try {
            int closed;
            do {
                closed = tickets.closeUnanswered(after, 200);
                if (closed > 0) {
                    log.info("Closed {} solved tickets without an answer after {}", closed, after);
                }
            } while (closed == 200);
        } catch (RuntimeException e) {
            log.warn("Auto-close stopped early: {}", e.getMessage());
        }
    }
}
