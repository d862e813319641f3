package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.Customers;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.Searcher;
import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.tickets.Tickets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index as a derived copy (issue 10, point 6; ADR 26): a node that stops without committing finds what it lost
 * again in the change log, and a rebuild while tickets arrive misses none of them. Each test runs its own index in a
 * folder of its own over the application's database.
 */
@H2Database
class SearchRecoveryIntegrationTests extends IntegrationTest {

    @Autowired
    ChangeLog changes;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    ArticleStore articles;

    @Autowired
    ProblemMeanings meanings;

    @TempDir
    Path dir;

    long ticket(String word) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Recovery " + word,
                                "body",
                                "A ticket the index must not lose " + word,
                                "customer",
                                Map.of("email", unique("r") + "@rapport.test")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static List<Long> found(SearchIndex index, String word) {
        return index.search(SearchRequest.of(word), Searcher.staff()).items().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void aNodeThatStopsWithoutCommittingCatchesUpFromTheLog() {
        String w = unique("crash").replace("-", "");
        SearchIndex index = new SearchIndex(dir, List.of("en"));
        IndexFollower follower = new IndexFollower(index, changes, tickets, customers, articles, meanings);
        follower.catchUp(); // no index yet: built from the database, committed
        long beforeCrash = ticket(w);
        follower.catchUp();
        assertThat(found(index, w)).containsExactly(beforeCrash);
        index.close(); // the process dies: what was written since the last commit is gone

        long whileDown = ticket(w);
        SearchIndex reopened = new SearchIndex(dir, List.of("en"));
        assertThat(reopened.open()).isTrue();
        assertThat(found(reopened, w)).as("the last commit knew neither").isEmpty();
        IndexFollower again = new IndexFollower(reopened, changes, tickets, customers, articles, meanings);
        again.catchUp();
        assertThat(found(reopened, w)).containsExactlyInAnyOrder(beforeCrash, whileDown);
        reopened.close();
    }

    /** Waits (at most 30 s) until the follower thread has indexed {@code count} tickets with this word. */
    static void awaitFound(SearchIndex index, String word, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (found(index, word).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Spring pauses a test context it is not using (stop) and starts it again when it is: so may an operator. */
    @Test
    void aFollowerStoppedAndStartedAgainGoesOn() throws InterruptedException {
        String w = unique("restart").replace("-", "");
        SearchIndex index = new SearchIndex(dir, List.of("en"));
        IndexFollower follower = new IndexFollower(index, changes, tickets, customers, articles, meanings);
        follower.start();
        follower.stop();
        follower.start();
        try {
            long id = ticket(w);
            awaitFound(index, w, 1);
            assertThat(found(index, w)).containsExactly(id);
            follower.rebuild();
            Thread.sleep(200);
            long after = ticket(w);
            awaitFound(index, w, 2);
            assertThat(found(index, w)).containsExactlyInAnyOrder(id, after);
        } finally {
            follower.stop();
        }
    }

    /**
     * A rebuild runs beside the follower: what agents write while it runs is found at once in the index as it was,
     * and still after the switch to the rebuilt one (which took the changes since it began up again).
     */
    @Test
    void whileARebuildRunsWhatAgentsWriteIsFoundAtOnce() throws Exception {
        String w = unique("during").replace("-", "");
        SearchIndex index = new SearchIndex(dir, List.of("en"));
        IndexFollower follower = new IndexFollower(index, changes, tickets, customers, articles, meanings);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        follower.start();
        try {
            long before = ticket(w);
            awaitFound(index, w, 1);
            String generation = java.nio.file.Files.readString(dir.resolve("current"));
            follower.buildStarted = started;
            follower.holdBeforeSwitch = hold;
            follower.rebuild();
            assertThat(follower.status().rebuilding()).isTrue();
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long during = ticket(w); // after the rebuild took its place in the log: not in what it reads
            awaitFound(index, w, 2);
            assertThat(found(index, w)).containsExactlyInAnyOrder(before, during);
            assertThat(follower.status().rebuilding())
                    .as("found while the rebuild, held, has not switched")
                    .isTrue();

            hold.countDown();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (follower.status().rebuilding() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(follower.status().rebuilding()).isFalse();
            assertThat(java.nio.file.Files.readString(dir.resolve("current")))
                    .as("switched to a new generation")
                    .isNotEqualTo(generation);
            assertThat(found(index, w))
                    .as("the changes since it began applied to it before it answers")
                    .containsExactlyInAnyOrder(before, during);
            long after = ticket(w);
            awaitFound(index, w, 3);
            assertThat(found(index, w)).containsExactlyInAnyOrder(before, during, after);
        } finally {
            hold.countDown();
            follower.stop();
        }
    }

    @Test
    void aRebuildWhileTicketsArriveMissesNone() throws InterruptedException {
        String w = unique("rebuild").replace("-", "");
        SearchIndex index = new SearchIndex(dir, List.of("en"));
        IndexFollower follower = new IndexFollower(index, changes, tickets, customers, articles, meanings);
        follower.catchUp();
        int count = 40;
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread arriving = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    ticket(w);
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        arriving.start();
        int rebuilds = 0;
        while (arriving.isAlive()) {
            follower.rebuildHere();
            rebuilds++;
        }
        arriving.join();
        assertThat(failed.get()).isNull();
        assertThat(rebuilds).isPositive();
        follower.catchUp();
        assertThat(index.search(SearchRequest.of(w), Searcher.staff()).total()).isEqualTo(count);
        assertThat(follower.status().rebuilding()).isFalse();
        index.close();
    }

    /** A solved ticket's meaning is worked out once, when followed live, and a rebuild copies it without the model. */
    @Test
    void aRebuildKeepsTheMeaningsWorkedOutWhileFollowing() {
        String w = unique("meaning").replace("-", "");
        SearchIndex index = new SearchIndex(dir, List.of("en"));
        IndexFollower follower = new IndexFollower(index, changes, tickets, customers, articles, meanings);
        follower.catchUp();
        long id = ticket(w);
        follower.catchUp();
        assertThat(meanings.of(List.of(id))).as("open: not worked out").isEmpty();

        assertThat(admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        follower.catchUp();
        float[] kept = meanings.of(List.of(id)).get(id);
        assertThat(kept).as("solved: worked out and kept").isNotNull();
        var solved = SearchIndex.solvedTicketsOtherThan(-1);
        assertThat(index.nearest(kept, solved, 1)).extracting(SearchHit::id).containsExactly(id);

        follower.rebuildHere();
        assertThat(index.nearest(kept, solved, 1))
                .as("the rebuilt index has it, copied from the table")
                .extracting(SearchHit::id)
                .containsExactly(id);
        index.close();
    }
}
