package io.rapport.bench;

import io.rapport.common.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SLA due dates on a business-hours calendar (issue 9, point 8; target 100,000 a second on one core): Monday to Friday
 * with a lunch break, in Berlin (daylight saving included), twelve holidays. Each invocation takes the next of 4,096
 * tickets: a start anywhere in two years and a target of 1 to 48 business hours (first answers to solutions).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Threads(1)
public class BusinessCalendarBenchmark {

    private BusinessCalendar calendar;
    private Instant[] starts;
    private Duration[] targets;
    private int next;

    @Setup
    public void setUp() {
        List<String> day = List.of("08:00-12:00", "13:00-18:00");
        calendar = BusinessCalendar.of(
                "Europe/Berlin",
                Map.of("mon", day, "tue", day, "wed", day, "thu", day, "fri", day),
                List.of(
                        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                        "2026-10-03", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"));
        Random random = new Random(9);
        starts = new Instant[4096];
        targets = new Duration[4096];
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < starts.length; i++) {
            starts[i] = from.plusSeconds(random.nextInt(730 * 86400));
            targets[i] = Duration.ofMinutes(60 + random.nextInt(47 * 60));
        }
    }

    @Benchmark
    public Instant dueDate() {
        int i = next++ & 4095;
        return calendar.plus(starts[i], targets[i]);
    }

    @Benchmark
    public Duration businessTimeSpent() {
        int i = next++ & 4095;
        return calendar.between(starts[i], starts[i].plus(targets[i].multipliedBy(2)));
    }
}
