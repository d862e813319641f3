package io.rapport.knowledge.internal;

import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.knowledge.IndexStatus;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.Tickets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this node's index in step with the database (ADR 26). One thread: at start it opens the index and rebuilds it
 * if there is none, it cannot be read, or the change log no longer reaches back to its last commit; then it follows
 * the log, woken at once by commits on this node and otherwise every half second. Changes are made searchable at
 * once and durable every few seconds; after a crash the node goes on from its last durable commit and reads the rest
 * of the log again (re-reading a ticket is harmless).
 *
 * <p>A change's id is taken when it is written, not when it commits, so a lower id can appear after a higher one
 * was read. Ids skipped over are kept as gaps and looked for again for a minute (after that they were rolled back).
 */
public class IndexFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    static final int BATCH = 500;
    static final long GAP_MILLIS = 60_000;
    static final long COMMIT_MILLIS = 5_000;
    /** Under a steady stream of changes, searches see new ones at most this much later (each refresh costs). */
    static final long REFRESH_MILLIS = 100;
    /** Customers whose document this generation already has: a ticket's change need not write it again. */
    static final int KNOWN_CUSTOMERS = 50_000;
    /**
     * A jump larger than this is not transactions in flight but a sequence moving on. Rows are written just before
     * their transaction commits, so even a long transaction's ids are in flight for moments only.
     */
    static final int MAX_GAP_RUN = 100_000;

    private final SearchIndex index;
    private final ChangeLog changes;
    private final Tickets tickets;
    private final Customers customers;
    private final ArticleStore articles;
    private final ProblemMeanings meanings;
    private final Semaphore wake = new Semaphore(0);
    private final Runnable wakeUp = wake::release;
    private final AtomicLong rebuilt = new AtomicLong();
    private final AtomicLong toRebuild = new AtomicLong();
    private volatile boolean rebuildAsked;
    private volatile boolean rebuilding;
    /** The thread building a new generation while this one follows the log; null when none. */
    private volatile Thread rebuilder;
    /** A generation the rebuild thread has built, for the follower to switch to. */
    private volatile Built ready;
    /** Rebuilds that failed in a row, and when the next try may start. */
    private volatile int rebuildFailures;

    private volatile long retryRebuildAt;

    private volatile boolean running;
    /** Set at shutdown: a rebuild under way gives up rather than outlive the index it writes to. */
    private volatile boolean stopping;

    private volatile Thread thread;
    private volatile long last;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long committedAt;
    /** The index is in step with the log: opened and resumed, or rebuilt. */
    private boolean resumed;

    private long refreshedAt;
    private boolean unrefreshed;
    private final Set<Long> knownCustomers =
            java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<Long, Boolean>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > KNOWN_CUSTOMERS;
                }
            });

    public IndexFollower(
            SearchIndex index,
            ChangeLog changes,
            Tickets tickets,
            Customers customers,
            ArticleStore articles,
            ProblemMeanings meanings) {
        this.index = index;
        this.changes = changes;
        this.tickets = tickets;
        this.customers = customers;
        this.articles = articles;
        this.meanings = meanings;
    }

    @Override
    /** Starts following; also after a {@link #stop} (a paused context starts again): from the last commit. */
    public void start() {
        synchronized (this) {
            stopping = false;
            resumed = false;
        }
        running = true;
        changes.onCommit(wakeUp);
        Thread t = new Thread(this::run, "search-index");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        changes.stopTelling(wakeUp);
        wake.release();
        for (Thread t : new Thread[] {thread, rebuilder}) {
            if (t != null) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        synchronized (this) {
            Built left = ready;
            ready = null;
            if (left != null) {
                left.builder().abandon(); // built but not switched to: the next start rebuilds if it must
            }
            rebuilding = false;
            resumed = false;
            index.close();
        }
    }

    /** Started before the web server and stopped after it, so searches being answered still find the index. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Asks for a rebuild; the index keeps answering from the current one, and taking up changes, until the new one is
     * done. Asked while one runs, nothing more happens.
     */
    public void rebuild() {
        if (!rebuilding) {
            rebuildAsked = true;
            wake.release();
        }
    }

    /** Where this node's index stands; how far behind counts the changes written since the last it applied. */
    public IndexStatus status() {
        long applied = last;
        return new IndexStatus(
                index.documents(),
                applied,
                Math.max(0, changes.last() - applied),
                rebuilding || rebuildAsked,
                rebuilt.get(),
                toRebuild.get());
    }

    /**
     * Applies every change committed so far and makes it searchable, on the caller's thread (the follower waits
     * meanwhile): for tests and for callers that must read their own writes at once.
     */
    public synchronized void catchUp() {
        takeUp();
        switchToBuilt();
        while (step()) {
            // until nothing is left
        }
        refresh();
    }

    private void refresh() {
        if (unrefreshed) {
            index.refresh();
            unrefreshed = false;
            refreshedAt = System.currentTimeMillis();
        }
    }

    /** Rebuilds at once on the caller's thread (tests). */
    synchronized void rebuildHere() {
        rebuildNow();
    }

    /**
     * Until the index is known to be in step with the log (after a start, or after anything failed): open its last
     * commit and go on from there, or rebuild.
     */
    private void takeUp() {
        if (resumed) {
            return;
        }
        if ((index.isOpen() || index.open()) && resume()) {
            resumed = true;
            return;
        }
        rebuildNow(); // or, when one is being built, waits for it rather than build a second
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                synchronized (this) {
                    takeUp();
                    switchToBuilt();
                    if (rebuildAsked
                            && rebuilder == null
                            && ready == null
                            && System.currentTimeMillis() >= retryRebuildAt) {
                        startRebuilding();
                    }
                    boolean more = step();
                    if (!more) {
                        refresh();
                    }
                    if (System.currentTimeMillis() - committedAt > COMMIT_MILLIS) {
                        commit();
                    }
                    if (more) {
                        continue;
                    }
                }
                failures = 0;
                if (wake.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                    Thread.sleep(20); // gather what commits together
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // whatever failed (the database, the disk, a writer Lucene gave up on): start again from the last
                // commit, which the log can always bring up to date; wait longer each time it fails again
                failures++;
                log.warn(
                        "Search index: could not follow the change log, starting again from its last commit: {}",
                        e.toString());
                synchronized (this) {
                    resumed = false;
                    index.close();
                }
                sleep(Math.min(60_000, 1_000L << Math.min(failures, 6)));
            } catch (Error e) {
                log.error("Search index: the follower stopped; searches answer from what was indexed", e);
                throw e;
            }
        }
        synchronized (this) {
            if (index.isOpen()) {
                try {
                    commit();
                } catch (RuntimeException e) {
                    log.warn("Search index: last commit failed; the change log brings it back: {}", e.toString());
                }
            }
        }
    }

    /**
     * Takes up from the live index's last commit; false when the log no longer reaches back that far (a rebuild is
     * then needed).
     */
    private boolean resume() {
        SearchIndex.Position position = index.position();
        long first = changes.first();
        last = position.change();
        gaps.clear();
        long now = System.currentTimeMillis();
        position.gaps().forEach(g -> gaps.put(g, now));
        if (changes.last() < last) {
            log.info(
                    "Search index: the index is ahead of the database's change log (a restored database?); rebuilding");
            return false;
        }
        if (first > 0 && first > last + 1 && last > 0) {
            log.info("Search index: the change log starts at {}, the index stopped at {}; rebuilding", first, last);
            return false;
        }
        if (last == 0 && first > 1 && index.documents() == 0) {
            return false; // an empty index on a desk whose log was already pruned
        }
        return true;
    }

    /** Reads the next changes and the gaps that have filled, applies them; true if there may be more. */
    private boolean step() {
        List<ChangeLog.Change> next = changes.after(last, BATCH);
        List<ChangeLog.Change> filled = changes.find(List.copyOf(gaps.keySet()));
        long now = System.currentTimeMillis();
        // worked out on a copy: if applying fails, the same changes and gaps are read again next time
        Map<Long, Long> open = new LinkedHashMap<>(gaps);
        long expect = last + 1;
        for (ChangeLog.Change c : next) {
            if (c.id() > expect && c.id() - expect <= MAX_GAP_RUN) {
                for (long id = expect; id < c.id(); id++) {
                    open.put(id, now);
                }
            } else if (c.id() > expect) {
                log.warn("Search index: change ids jump from {} to {}; not waiting for those between", expect, c.id());
            }
            expect = c.id() + 1;
        }
        filled.forEach(c -> open.remove(c.id()));
        open.values().removeIf(seen -> now - seen > GAP_MILLIS);
        List<ChangeLog.Change> all = new ArrayList<>(filled);
        all.addAll(next);
        if (!all.isEmpty()) {
            apply(all);
            unrefreshed = true;
        }
        gaps.clear();
        gaps.putAll(open);
        if (now - refreshedAt >= REFRESH_MILLIS) {
            refresh();
        }
        if (!next.isEmpty()) {
            last = next.getLast().id();
        }
        return next.size() == BATCH;
    }

    private void apply(List<ChangeLog.Change> all) {
        Set<Long> ticketIds = new LinkedHashSet<>();
        Set<Long> customerIds = new LinkedHashSet<>();
        Set<Long> articleIds = new LinkedHashSet<>();
        for (ChangeLog.Change c : all) {
            switch (c.kind()) {
                case ChangeLog.TICKET -> ticketIds.add(c.entityId());
                case ChangeLog.CUSTOMER -> customerIds.add(c.entityId());
                case ChangeLog.ARTICLE -> articleIds.add(c.entityId());
                default -> log.warn("Search index: a change of an unknown kind, {}, is skipped", c.kind());
            }
        }
        putTickets(List.copyOf(ticketIds), true);
        if (!articleIds.isEmpty()) {
            List<ArticleStore.Indexed> found = articles.indexed(articleIds);
            Set<Long> present = new java.util.HashSet<>();
            found.forEach(a -> present.add(a.article().id()));
            articleIds.stream().filter(id -> !present.contains(id)).forEach(index::deleteArticle);
            index.putArticles(found);
        }
        if (!customerIds.isEmpty()) {
            Map<Long, CustomerRef> found = customers.refs(customerIds);
            for (long id : customerIds) {
                if (!found.containsKey(id)) {
                    index.deleteCustomer(id); // merged into another
                }
            }
            index.putCustomers(found.values());
            knownCustomers.addAll(found.keySet());
            // a ticket shows its customer's name: a renamed customer's tickets are read again, newest first
            for (long id : found.keySet()) {
                List<Long> theirs = tickets.idsOfCustomer(id, 10_000);
                for (int i = 0; i < theirs.size(); i += BATCH) {
                    // only their customer's name changed: meanings are not worked out here (up to 10,000 tickets)
                    putTickets(theirs.subList(i, Math.min(theirs.size(), i + BATCH)), false);
                }
            }
        }
    }

    private void putTickets(List<Long> ids, boolean workOutMeanings) {
        if (ids.isEmpty()) {
            return;
        }
        List<TicketDocument> docs = tickets.documents(ids);
        Set<Long> seen = new java.util.HashSet<>();
        docs.forEach(d -> seen.add(d.id()));
        for (long id : ids) {
            if (!seen.contains(id)) {
                index.deleteTicket(id);
            }
        }
        putTicketsAndNewCustomers(docs, workOutMeanings);
    }

    /** The customers of these tickets; those whose document this generation does not have yet are written too. */
    private Map<Long, CustomerRef> customersOf(List<TicketDocument> docs) {
        Set<Long> ids = new LinkedHashSet<>();
        docs.forEach(d -> ids.add(d.customerId()));
        return ids.isEmpty() ? Map.of() : new HashMap<>(customers.refs(ids));
    }

    private void putTicketsAndNewCustomers(List<TicketDocument> docs, boolean workOutMeanings) {
        Map<Long, CustomerRef> refs = customersOf(docs);
        Map<Long, CustomerRef> fresh = new HashMap<>();
        refs.forEach((id, ref) -> {
            if (knownCustomers.add(id)) {
                fresh.put(id, ref);
            }
        });
        index.put(docs, refs, fresh.values(), meanings(docs, workOutMeanings));
    }

    /**
     * At most this many solved tickets' meanings are worked out per batch of changes (about 5 ms each): a desk that
     * closes ten thousand tickets at once must not hold back search for a minute. The rest get theirs when they
     * change again; their words are found meanwhile.
     */
    static final int MEANINGS_PER_BATCH = 50;

    /**
     * The meaning vectors of these tickets (ADR 31): those stored, and, when following live ({@code workOut}), those
     * of solved tickets that have none yet, worked out and stored. A rebuild only copies what is stored: working out a
     * million would take an hour.
     */
    private Map<Long, float[]> meanings(List<TicketDocument> docs, boolean workOut) {
        if (docs.isEmpty()) {
            return Map.of();
        }
        Map<Long, float[]> known =
                new HashMap<>(meanings.of(docs.stream().map(TicketDocument::id).toList()));
        int budget = workOut ? MEANINGS_PER_BATCH : 0;
        for (TicketDocument d : docs) {
            if (budget == 0) {
                break;
            }
            boolean solved = d.status() == TicketStatus.SOLVED || d.status() == TicketStatus.CLOSED;
            if (!solved || d.mergedInto() != null || known.containsKey(d.id())) {
                continue;
            }
            budget--;
            try {
                float[] vector = Meaning.of(Meaning.problemText(d));
                meanings.put(d.id(), vector, d.createdAt());
                known.put(d.id(), vector);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Search index: no meaning for ticket {}; it is found by its words: {}", d.id(), e.toString());
                budget = 0; // the model is not working: not tried again for every ticket of this batch
            }
        }
        return known;
    }

    private void commit() {
        index.commit(new SearchIndex.Position(last, Set.copyOf(gaps.keySet())));
        committedAt = System.currentTimeMillis();
    }

    /** A generation built from the database, from the change log's position {@code from}, ready to go live. */
    private record Built(SearchIndex.Builder builder, long from, Set<Long> open, long started) {}

    /** Builds a new generation from the database while the old one keeps answering, then switches to it (here). */
    private void rebuildNow() {
        if (awaitBackgroundRebuild()) {
            return;
        }
        goLive(build()); // merged into one segment as it goes live
    }

    /**
     * Waits for a rebuild under way on its own thread, and switches to what it built; false when there was none, or
     * it built nothing (then the caller rebuilds). Holds the follower meanwhile: only for when there is nothing else to
     * follow into.
     */
    private boolean awaitBackgroundRebuild() {
        Thread building = rebuilder;
        while (building != null && building.isAlive()) {
            stopIfStopping();
            try {
                building.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the index was being rebuilt", e);
            }
        }
        if (ready != null) {
            switchToBuilt();
            return true;
        }
        return false;
    }

    /**
     * Builds a new generation on a thread of its own while this one goes on applying changes to the live one, so
     * that what agents write meanwhile is found at once; the follower switches to it when it is ready ({@link
     * #switchToBuilt}) and applies again, to it, the changes made since it began.
     */
    private void startRebuilding() {
        if (stopping) {
            return;
        }
        rebuildAsked = false;
        rebuilding = true;
        rebuilt.set(0);
        toRebuild.set(0);
        Thread t = new Thread(
                () -> {
                    Built built = null;
                    try {
                        built = build();
                        built.builder().merge();
                        CountDownLatch hold = holdBeforeSwitch;
                        if (hold != null) {
                            hold.await();
                        }
                        stopIfStopping();
                        ready = built;
                        wake.release();
                    } catch (InterruptedException | RuntimeException | Error e) {
                        if (built != null) {
                            built.builder().abandon();
                        }
                        rebuilding = false;
                        if (!stopping) {
                            // tried again after a pause that grows with each failure, as the follower does
                            long pause = Math.min(60_000, 1_000L << Math.min(rebuildFailures++, 6));
                            retryRebuildAt = System.currentTimeMillis() + pause;
                            rebuildAsked = true;
                            log.warn(
                                    "Search index: the rebuild failed, tried again in {} s; searches go on from the"
                                            + " index as it was: {}",
                                    pause / 1000,
                                    e.toString());
                        }
                    } finally {
                        rebuilder = null;
                        wake.release();
                    }
                },
                "search-index-rebuild");
        t.setDaemon(true);
        rebuilder = t;
        t.start();
    }

    /** Switches to the generation the rebuild thread has built, when there is one (on the follower's thread). */
    private void switchToBuilt() {
        Built built = ready;
        if (built == null) {
            return;
        }
        ready = null;
        try {
            goLive(built);
        } catch (RuntimeException e) {
            if (!stopping) {
                rebuildAsked = true; // asked for, and not done: tried again once the follower is back
                retryRebuildAt =
                        System.currentTimeMillis() + Math.min(60_000, 1_000L << Math.min(rebuildFailures++, 6));
            }
            throw e;
        }
    }

    /** Makes a built generation live; one that cannot be is deleted. */
    private void goLive(Built built) {
        try {
            switchTo(built);
        } catch (RuntimeException e) {
            built.builder().abandon();
            throw e;
        } finally {
            rebuilding = false;
        }
    }

    /** Test seam: the rebuild thread waits for this before handing its generation over. */
    volatile CountDownLatch holdBeforeSwitch;

    /** Test seam: counted down once a rebuild has taken its position in the change log. */
    volatile CountDownLatch buildStarted;

    private void switchTo(Built built) {
        // changes go to the new generation from here on, while searches still read the one before, which has them all
        index.adopt(built.builder());
        knownCustomers.clear(); // the new generation has every customer; ones seen from now on are added anew
        // back to where the build began: the changes since were applied to the generation before, and now are to this
        last = built.from();
        gaps.clear();
        long now = System.currentTimeMillis();
        built.open().forEach(g -> gaps.put(g, now));
        while (step()) {
            // until the new generation has every change committed so far
        }
        index.publish(built.builder(), new SearchIndex.Position(last, Set.copyOf(gaps.keySet())));
        unrefreshed = false;
        refreshedAt = System.currentTimeMillis();
        resumed = true;
        rebuildFailures = 0;
        committedAt = refreshedAt;
        log.info(
                "Search index rebuilt: {} tickets, customers and articles in {} s",
                rebuilt.get(),
                (System.currentTimeMillis() - built.started()) / 1000);
    }

    /** Reads every ticket, customer and article into a new generation (any thread; the follower's state untouched). */
    private Built build() {
        long started = System.currentTimeMillis();
        SearchIndex.Builder builder = null;
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-index-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            rebuilding = true;
            builder = index.startRebuild();
            long from = changes.last();
            CountDownLatch taken = buildStarted;
            if (taken != null) {
                taken.countDown();
            }
            // changes below the start that have not committed yet: looked for again after the switch
            Set<Long> open = new java.util.TreeSet<>();
            long low = Math.max(1, from - MAX_GAP_RUN);
            Set<Long> present = new java.util.HashSet<>();
            changes.after(low - 1, MAX_GAP_RUN + 1).forEach(c -> present.add(c.id()));
            for (long id = low; id <= from; id++) {
                if (!present.contains(id)) {
                    open.add(id);
                }
            }
            rebuilt.set(0);
            toRebuild.set(tickets.count() + customers.count() + articles.count());
            // the next batch is read from the database while this one is analyzed and written: two cores, both busy
            java.util.concurrent.CompletableFuture<TicketBatch> next = readTickets(0, reader);
            while (true) {
                stopIfStopping();
                TicketBatch batch = next.join();
                if (batch.ids().isEmpty()) {
                    break;
                }
                next = readTickets(batch.ids().getLast(), reader);
                builder.tickets(batch.docs(), batch.customers(), batch.meanings());
                rebuilt.addAndGet(batch.ids().size());
            }
            long after = 0;
            while (true) {
                stopIfStopping();
                List<Long> ids = customers.idsAfter(after, 2 * BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                builder.customers(customers.refs(ids).values());
                rebuilt.addAndGet(ids.size());
                after = ids.getLast();
            }
            after = 0;
            while (true) {
                stopIfStopping();
                List<Long> ids = articles.idsAfter(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                builder.articles(articles.indexed(ids));
                rebuilt.addAndGet(ids.size());
                after = ids.getLast();
            }
            return new Built(builder, from, open, started);
        } catch (RuntimeException | Error e) {
            if (builder != null) {
                builder.abandon();
            }
            rebuilding = false;
            throw e;
        } finally {
            reader.shutdownNow();
        }
    }

    private record TicketBatch(
            List<Long> ids, List<TicketDocument> docs, Map<Long, CustomerRef> customers, Map<Long, float[]> meanings) {}

    /** The tickets after this id, with their customers, read on the reader thread. */
    private java.util.concurrent.CompletableFuture<TicketBatch> readTickets(
            long after, java.util.concurrent.Executor reader) {
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    List<Long> ids = tickets.idsAfter(after, BATCH);
                    if (ids.isEmpty()) {
                        return new TicketBatch(ids, List.of(), Map.of(), Map.of());
                    }
                    List<TicketDocument> docs = tickets.documents(ids);
                    return new TicketBatch(ids, docs, customersOf(docs), meanings(docs, false));
                },
                reader);
    }

    private void stopIfStopping() {
        if (stopping) {
            throw new IllegalStateException("the node is stopping; the rebuild starts again at the next start");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
