package io.rapport.tickets.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The desk-wide view counts (unassigned, open, pending, solved), shared by every agent of this node. Counting them
 * touches every ticket in play, so they are recounted at most every 10 seconds, as other help desks do: a page that
 * finds them older gets the previous counts at once while they are recounted in the background (Caffeine's
 * refresh-after-write), so no page load waits for the count after the first.
 */
@Component
public class SharedViewCounts {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** The counts of the four desk-wide views. */
    public record Counts(long unassigned, long open, long pending, long solved) {}

    private final LoadingCache<Boolean, Counts> counts;

    SharedViewCounts(TicketRepository tickets) {
        this.counts = Caffeine.newBuilder().refreshAfterWrite(FRESH_FOR).build(key -> {
            long[] c = tickets.sharedCounts();
            return new Counts(c[0], c[1], c[2], c[3]);
        });
    }

    public Counts get() {
        return counts.get(Boolean.TRUE);
    }
}
