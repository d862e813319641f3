package io.rapport.tickets.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes solved tickets the customer never answered, with outcome unconfirmed. A db-scheduler task (ADR 12): it runs on
 * one node at a time, every minute, so a ticket closes within about a minute of its time; each run is one indexed
 * query for the solved tickets past their time, then one transaction per ticket under a row lock, checked again first,
 * so a ticket the customer answers meanwhile stays as the customer left it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.portal.auto-close-enabled", havingValue = "true", matchIfMissing = true)
class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);
    static final int BATCH = 200;

    @Bean
    RecurringTask<Void> autoCloseUnanswered(
            Tickets tickets,
            @Value("${rapport.portal.auto-close-after:7d}") Duration after,
            @Value("${rapport.portal.auto-close-check:1m}") Duration every) {
        return Tasks.recurring("tickets-auto-close", FixedDelay.of(every)).execute((instance, context) -> {
            int closed;
            do {
                closed = tickets.closeUnanswered(after, BATCH);
                if (closed > 0) {
                    log.info("Closed {} solved tickets without an answer after {}", closed, after);
                }
            } while (closed == BATCH);
        });
    }
}
