package io.rapport.jobs.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.rapport.common.DeskClock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * db-scheduler over the application's database: each task instance is one row in {@code scheduled_tasks}, claimed by
 * one node at a time (an optimistic update of its version), so two nodes never run one execution twice, and a node
 * that dies mid-run is noticed by its missing heartbeats and its execution revived elsewhere. It starts after every
 * other bean (data loading included) and stops before the database pool closes, letting a running task finish.
 * Times are stored as {@code TIMESTAMP WITH TIME ZONE}, so the instants need no conversion to UTC (which H2 would
 * shift by the JVM's offset). Three threads: the meaning backfill (ADR 33) may hold one for hours, and mail, SLA and
 * routing keep two.
 */
@Component
class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final java.util.function.Supplier<Scheduler> schedulers;
    private volatile Scheduler scheduler;

    JobScheduler(
            DataSource dataSource,
            ObjectProvider<Task<?>> taskBeans,
            DeskClock clock,
            @Value("${rapport.jobs.polling-interval:5s}") Duration pollingInterval,
            @Value("${rapport.jobs.heartbeat-interval:30s}") Duration heartbeat,
            @Value("${rapport.jobs.threads:3}") int threads) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        // A stopped Scheduler cannot start again (its threads are gone), and a context may be stopped and started
        // again (tests pause cached contexts): each start builds a new one.
        // Through Spring's transactions: a job scheduled inside a business transaction is stored with it, or not at
        // all.
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        this.schedulers = () -> Scheduler.create(
                        // recurring tasks are known through startTasks, which also schedules them; naming them twice
                        // is refused
                        transactional,
                        tasks.stream()
                                .filter(t -> !(t instanceof RecurringTask<?>))
                                .toList())
                .startTasks(tasks.stream()
                        .filter(t -> t instanceof RecurringTask<?>)
                        .map(t -> (RecurringTask<?>) t)
                        .toList())
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .threads(threads)
                .clock(clock::instant)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        log.debug("Jobs: {}", tasks.stream().map(Task::getName).toList());
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = schedulers.get();
            scheduler.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Late: after the web server and data loading, early in the shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
