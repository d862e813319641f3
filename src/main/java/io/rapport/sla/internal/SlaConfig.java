package io.rapport.sla.internal;

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
 * The SLA timer: a db-scheduler task (ADR 12, 25) that runs on one node at a time and survives restarts, since what it
 * looks for is the tickets' {@code next_check_at} in the database. Each ticket is checked in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class SlaConfig {

    private static final Logger log = LoggerFactory.getLogger(SlaConfig.class);
    static final int BATCH = 200;

    @Bean
    RecurringTask<Void> slaCheck(SlaTargets targets, @Value("${rapport.sla.check:15s}") Duration every) {
        return Tasks.recurring("sla-check", FixedDelay.of(every)).execute((instance, context) -> {
            List<Long> due;
            do {
                due = targets.due(BATCH);
                for (long ticketId : due) {
                    try {
                        targets.check(ticketId);
                    } catch (RuntimeException e) {
                        log.warn("SLA check of ticket {} failed; tried again in a minute: {}", ticketId, e.toString());
                        targets.postpone(ticketId);
                    }
                }
            } while (due.size() == BATCH);
        });
    }
}
