package io.rapport.knowledge.internal;

import io.rapport.common.Times;
import io.rapport.tickets.RepeatWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The repeat-contact watch (issue 10, point 5; ADR 30). A new ticket whose customer had a ticket solved in the last 14
 * days is embedded, and so are those earlier ones that have no vector yet; all are kept. It repeats the earlier ticket
 * whose meaning is closest, if that is close enough. A customer with nothing solved lately costs one query, no model
 * run: that is most new tickets.
 *
 * <p>Close enough is measured against the desk's own background: the mean vector of its newest problems is taken
 * away from both before the cosine, which removes what every support message shares ("my card", "please help") and
 * leaves what this problem is about. On banking77 pairs (bench/repeat.sh) that lifts recall at precision 0.9 from 0.82
 * to 0.88; fifty problems are enough for the mean. A desk with fewer uses the plain cosine and its own, higher
 * threshold. Both thresholds were tuned for precision 0.93 on one half of the pairs (a margin over the 0.9 target)
 * and reported on the other: precision 0.92, recall 0.82 with the background. Neighbouring problems ("card
 * declined" against "card not working") are where it errs, so an agent can undo a link.
 */
@Component
class RepeatContacts implements RepeatWatch {

    private static final Logger log = LoggerFactory.getLogger(RepeatContacts.class);

    /** Problems the background mean is taken over, newest first. */
    static final int BACKGROUND = 1_000;

    /** Fewer problems than this make a mean that says more about them than about the desk. */
    static final int MIN_BACKGROUND = 50;

    private static final Duration BACKGROUND_AGE = Duration.ofMinutes(10);
    private static final int BACKGROUND_ARRIVALS = 100;

    private record Background(float[] mean, Instant at, int arrivalsLeft) {}

    private final ProblemMeanings meanings;
    private final Clock clock;
    private final double centredThreshold;
    private final double plainThreshold;
    private volatile Background background;

    RepeatContacts(
            ProblemMeanings meanings,
            Clock clock,
            @Value("${rapport.repeat.threshold:0.248}") double centredThreshold,
            @Value("${rapport.repeat.threshold-uncentred:0.475}") double plainThreshold) {
        this.meanings = meanings;
        this.clock = clock;
        this.centredThreshold = centredThreshold;
        this.plainThreshold = plainThreshold;
    }

    @Override
    public Optional<Repeat> arrived(Problem arrived, List<Problem> recent) {
        if (recent.isEmpty()) {
            return Optional.empty(); // most new tickets: nothing to compare with, so no model run
        }
        Instant now = Times.now(clock);
        float[] vector;
        try {
            vector = Meaning.of(Meaning.problemText(arrived.subject(), arrived.text()));
        } catch (RuntimeException | LinkageError e) {
            log.warn("No meaning for ticket {}; it is not compared: {}", arrived.ticketId(), e.toString());
            return Optional.empty();
        }
        meanings.put(arrived.ticketId(), vector, now);
        Map<Long, float[]> known =
                meanings.of(recent.stream().map(Problem::ticketId).toList());
        float[] centre = centre(now);
        double threshold = centre == null ? plainThreshold : centredThreshold;
        Repeat best = null;
        for (Problem earlier : recent) {
            if (earlier.language() != null
                    && arrived.language() != null
                    && !earlier.language().equals(arrived.language())) {
                continue; // the model compares texts of one language; across two, its score means little
            }
            float[] other = known.get(earlier.ticketId());
            if (other == null) {
                // its customer had nothing solved lately when it opened: worked out now, and kept
                other = Meaning.of(Meaning.problemText(earlier.subject(), earlier.text()));
                meanings.put(earlier.ticketId(), other, now);
            }
            double score = Meaning.cosine(vector, other, centre);
            if (score >= threshold && (best == null || score > best.score())) {
                best = new Repeat(earlier.ticketId(), score);
            }
        }
        return Optional.ofNullable(best);
    }

    /** How alike two problems are, as the watch scores them now: above {@link #threshold()} is the same problem. */
    double score(String a, String b) {
        return Meaning.cosine(Meaning.of(a), Meaning.of(b), centre(Times.now(clock)));
    }

    double threshold() {
        return centre(Times.now(clock)) == null ? plainThreshold : centredThreshold;
    }

    /**
     * The desk's background mean, worked out again every hundred problems or ten minutes; null while there are too
     * few (then read again at each problem, which is cheap while they are few).
     */
    private float[] centre(Instant now) {
        Background b = background;
        if (b == null
                || b.mean() == null
                || b.arrivalsLeft() <= 0
                || b.at().plus(BACKGROUND_AGE).isBefore(now)) {
            List<float[]> newest = meanings.newest(BACKGROUND);
            b = new Background(newest.size() < MIN_BACKGROUND ? null : Meaning.mean(newest), now, BACKGROUND_ARRIVALS);
        }
        background = new Background(b.mean(), b.at(), b.arrivalsLeft() - 1);
        return b.mean();
    }
}
