package io.rapport.mail.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgets, once a day, which mails went out more than 30 days ago: their events are long settled. */
@Configuration(proxyBeanMethods = false)
class MailHousekeeping {

    static final Duration KEEP = Duration.ofDays(30);

    @Bean
    RecurringTask<Void> forgetOldMailDeliveries(MailDeliveries deliveries, Clock clock) {
        return Tasks.recurring("mail-forget-old-deliveries", FixedDelay.ofHours(24))
                .execute((instance, context) ->
                        deliveries.forgetBefore(clock.instant().minus(KEEP)));
    }
}
