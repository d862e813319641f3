package io.rapport.routing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routing's beans: language detection for the configured languages ({@code rapport.languages}, ADR 23) and the task
 * that tries waiting tickets again (a db-scheduler task, ADR 12: one node at a time), each ticket on its own so one
 * that fails does not hold the others.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfig {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfig.class);
    static final int BATCH = 100;

    @Bean
    LinguaDetection languageDetection(@Value("${rapport.languages}") List<String> languages) {
        return new LinguaDetection(languages);
    }

    @Bean
    RecurringTask<Void> routingRetry(
            Assignment assignment, @Value("${rapport.routing.retry-check:10s}") Duration every) {
        return Tasks.recurring("routing-retry", FixedDelay.of(every)).execute((instance, context) -> {
            List<Long> due;
            do {
                due = assignment.due(BATCH);
                for (long ticketId : due) {
                    try {
                        assignment.route(ticketId, false);
                    } catch (RuntimeException e) {
                        log.warn("Routing ticket {} failed; it stays in its queue: {}", ticketId, e.toString());
                        assignment.postpone(ticketId);
                    }
                }
            } while (due.size() == BATCH);
        });
    }
}
