package io.rapport.knowledge.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rapport.accounts.Customers;
import io.rapport.common.Times;
import io.rapport.tickets.Tickets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Search's beans (ADR 26): the node's index under {@code <data-dir>/search}, analyzed for the configured languages,
 * the follower that keeps it in step, and the daily task (one node at a time) that forgets changes older than a week
 * (a node that was away longer rebuilds).
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    static final Duration KEEP_CHANGES = Duration.ofDays(7);

    @Bean
    SearchIndex searchIndex(
            @Value("${rapport.data-dir}") String dataDir, @Value("${rapport.languages}") List<String> languages) {
        return new SearchIndex(Path.of(dataDir).resolve("search"), languages);
    }

    @Bean
    IndexFollower indexFollower(
            SearchIndex index,
            ChangeLog changes,
            Tickets tickets,
            Customers customers,
            ArticleStore articles,
            ProblemMeanings meanings) {
        return new IndexFollower(index, changes, tickets, customers, articles, meanings);
    }

    @Bean
    RecurringTask<Void> searchChangesPrune(ChangeLog changes, Clock clock) {
        return Tasks.recurring("search-changes-prune", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> changes.prune(Times.now(clock).minus(KEEP_CHANGES)));
    }
}
