package io.rapport.knowledge.internal;

import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.knowledge.IndexStatus;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** A jump larger than this is not a set of transactions in flight but a sequence moving on (after a restart). */
    static final int MAX_GAP_RUN = 200;

    private final SearchIndex index;
    private final ChangeLog changes;
    private final Tickets tickets;
    private final Customers customers;
    private final Semaphore wake = new Semaphore(0);
    private final Runnable wakeUp = wake::release;
    private final AtomicLong rebuilt = new AtomicLong();
    private final AtomicLong toRebuild = new AtomicLong();
    private volatile boolean rebuildAsked;
    private volatile boolean rebuilding;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long last;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long committedAt;
    private long refreshedAt;
    private boolean unrefreshed;
    private final Set<Long> knownCustomers =
            java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<Long, Boolean>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > KNOWN_CUSTOMERS;
                }
            });

    public IndexFollower(SearchIndex index, ChangeLog changes, Tickets tickets, Customers customers) {
        this.index = index;
        this.changes = changes;
        this.tickets = tickets;
        this.customers = customers;
    }

    @Override
    public void start() {
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
        changes.stopTelling(wakeUp);
        Thread t = thread;
        if (t != null) {
            wake.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a rebuild; the index keeps answering from the current one until the new one is done. */
    public void rebuild() {
        rebuildAsked = true;
        wake.release();
    }

    /** Where this node's index stands; how far behind counts the changes written since the last it applied. */
    public IndexStatus status() {
        long applied = last;
        return new IndexStatus(
                index.documents(),
                applied,
                Math.max(0, changes.last() - applied),
                rebuilding,
                rebuilt.get(),
                toRebuild.get());
    }

    /**
     * Applies every change committed so far and makes it searchable, on the caller's thread (the follower waits
     * meanwhile): for tests and for callers that must read their own writes at once.
     */
    public synchronized void catchUp() {
        if (!index.isOpen() && (!index.open() || !resume())) {
            rebuildNow();
        }
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

    private void run() {
        while (running) {
            try {
                synchronized (this) {
                    if (!index.isOpen() && (!index.open() || !resume())) {
                        rebuildNow();
                    } else if (rebuildAsked) {
                        rebuildNow();
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
                if (wake.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                    Thread.sleep(20); // gather what commits together
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Search index: could not follow the change log, trying again: {}", e.toString());
                sleep(2_000);
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
        long expect = last + 1;
        for (ChangeLog.Change c : next) {
            if (c.id() > expect && c.id() - expect <= MAX_GAP_RUN) {
                for (long id = expect; id < c.id(); id++) {
                    gaps.put(id, now);
                }
            }
            expect = c.id() + 1;
        }
        filled.forEach(c -> gaps.remove(c.id()));
        gaps.values().removeIf(seen -> now - seen > GAP_MILLIS);
        List<ChangeLog.Change> all = new ArrayList<>(filled);
        all.addAll(next);
        if (!all.isEmpty()) {
            apply(all);
            unrefreshed = true;
        }
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
        for (ChangeLog.Change c : all) {
            if (ChangeLog.TICKET.equals(c.kind())) {
                ticketIds.add(c.entityId());
            } else if (ChangeLog.CUSTOMER.equals(c.kind())) {
                customerIds.add(c.entityId());
            }
        }
        putTickets(List.copyOf(ticketIds));
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
                    putTickets(theirs.subList(i, Math.min(theirs.size(), i + BATCH)));
                }
            }
        }
    }

    private void putTickets(List<Long> ids) {
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
        putTicketsAndNewCustomers(docs);
    }

    /** The customers of these tickets; those whose document this generation does not have yet are written too. */
    private Map<Long, CustomerRef> customersOf(List<TicketDocument> docs) {
        Set<Long> ids = new LinkedHashSet<>();
        docs.forEach(d -> ids.add(d.customerId()));
        return ids.isEmpty() ? Map.of() : new HashMap<>(customers.refs(ids));
    }

    private void putTicketsAndNewCustomers(List<TicketDocument> docs) {
        Map<Long, CustomerRef> refs = customersOf(docs);
        Map<Long, CustomerRef> fresh = new HashMap<>();
        refs.forEach((id, ref) -> {
            if (knownCustomers.add(id)) {
                fresh.put(id, ref);
            }
        });
        index.put(docs, refs, fresh.values());
    }

    private void commit() {
        index.commit(new SearchIndex.Position(last, Set.copyOf(gaps.keySet())));
        committedAt = System.currentTimeMillis();
    }

    /** Builds a new generation from the database while the old one keeps answering, then switches to it. */
    private void rebuildNow() {
        rebuildAsked = false;
        rebuilding = true;
        long started = System.currentTimeMillis();
        SearchIndex.Builder builder = index.startRebuild();
        try {
            long from = changes.last();
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
            toRebuild.set(tickets.count() + customers.count());
            long after = 0;
            while (true) {
                List<Long> ids = tickets.idsAfter(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                List<TicketDocument> docs = tickets.documents(ids);
                builder.tickets(docs, customersOf(docs));
                rebuilt.addAndGet(ids.size());
                after = ids.getLast();
            }
            after = 0;
            while (true) {
                List<Long> ids = customers.idsAfter(after, 2 * BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                builder.customers(customers.refs(ids).values());
                rebuilt.addAndGet(ids.size());
                after = ids.getLast();
            }
            index.publish(builder, new SearchIndex.Position(from, open));
            knownCustomers.clear(); // the new generation has every customer; ones seen from now on are added anew
            last = from;
            gaps.clear();
            long now = System.currentTimeMillis();
            open.forEach(g -> gaps.put(g, now));
            committedAt = now;
            log.info(
                    "Search index rebuilt: {} tickets and customers in {} s",
                    rebuilt.get(),
                    (System.currentTimeMillis() - started) / 1000);
        } catch (RuntimeException e) {
            builder.abandon();
            throw e;
        } finally {
            rebuilding = false;
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
