package io.rapport.bench;

import io.rapport.accounts.LanguageLevel;
import io.rapport.routing.Candidate;
import io.rapport.routing.Decision;
import io.rapport.routing.Need;
import io.rapport.routing.Router;
import io.rapport.routing.Widening;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * Assignment decisions (issue 9, point 8; target 10,000 a second on one core): 1,000 agents in 20 teams with skills,
 * languages, tiers and capacity, holding 10,000 open tickets between them (three in four online); each decision weighs
 * every agent for a ticket needing one or two skills in one of six languages, widening as far as needed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Threads(1)
public class RouterBenchmark {

    private static final String[] SKILLS = {"billing", "cards", "fraud", "transfers", "identity", "exchange", "top-up"};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "it", "pl"};

    private final Router router = new Router();
    private List<Candidate> agents;
    private Need[] needs;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(1000);
        int[] open = new int[1000];
        for (int t = 0; t < 10_000; t++) {
            open[random.nextInt(1000)]++;
        }
        agents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Integer> skills = new HashMap<>();
            for (int s = 0; s < 3; s++) {
                skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(5));
            }
            Map<String, LanguageLevel> languages = new HashMap<>();
            languages.put(LANGUAGES[random.nextInt(LANGUAGES.length)], LanguageLevel.NATIVE);
            languages.putIfAbsent("en", LanguageLevel.values()[random.nextInt(3)]);
            agents.add(new Candidate(
                    i,
                    "Agent " + i,
                    random.nextInt(4) > 0,
                    1 + random.nextInt(3),
                    open[i],
                    8 + random.nextInt(8),
                    skills,
                    languages,
                    Set.of((long) random.nextInt(20)),
                    random.nextLong(1_000_000)));
        }
        needs = new Need[1024];
        for (int n = 0; n < needs.length; n++) {
            Map<String, Integer> skills = new HashMap<>();
            skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(4));
            if (random.nextBoolean()) {
                skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(3));
            }
            needs[n] = new Need(
                    skills,
                    LANGUAGES[random.nextInt(LANGUAGES.length)],
                    1,
                    random.nextInt(3) == 0 ? (long) random.nextInt(20) : null);
        }
    }

    @Benchmark
    public Decision decide() {
        return router.decide(needs[next++ & 1023], agents, Widening.ANY_LANGUAGE);
    }
}
