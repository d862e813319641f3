package io.rapport.knowledge.internal;

import io.rapport.accounts.CustomerRenamed;
import io.rapport.accounts.CustomersMerged;
import io.rapport.common.Times;
import io.rapport.tickets.TicketEvent;
import io.rapport.tickets.TicketMerged;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The change log search follows (ADR 26): a row per changed ticket or customer, written inside the change's own
 * transaction, so a change and the note that the index must read it again commit or vanish together. One row per
 * entity and transaction however many events it has. After a commit on this node the follower is woken at once, so
 * what an agent just wrote is found a moment later; other nodes see it at their next poll.
 */
@Component
public class ChangeLog {

    static final String TICKET = "ticket";
    static final String CUSTOMER = "customer";
    static final String ARTICLE = "article";

    public record Change(long id, String kind, long entityId) {}

    private final JdbcClient db;
    private final Clock clock;
    private final List<Runnable> onCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

    ChangeLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What to do after a transaction that wrote to the log commits (a follower wakes up). */
    void onCommit(Runnable wake) {
        onCommit.add(wake);
    }

    void stopTelling(Runnable wake) {
        onCommit.remove(wake);
    }

    @EventListener
    void on(TicketEvent event) {
        note(TICKET, event.ticketId());
        if (event instanceof TicketMerged merged) {
            note(TICKET, merged.intoId());
        }
    }

    @EventListener
    void on(CustomerRenamed event) {
        note(CUSTOMER, event.customerId());
    }

    @EventListener
    void on(CustomersMerged event) {
        note(CUSTOMER, event.fromId());
        note(CUSTOMER, event.intoId());
    }

    /** Notes that an article changed, in the transaction that changes it. */
    public void noteArticle(long articleId) {
        note(ARTICLE, articleId);
    }

    /**
     * Notes the entity for this transaction; the rows are written just before it commits, once per entity (so a
     * savepoint rolled back cannot take a note with it, and a row's id is taken moments before its commit, which keeps
     * the follower's gaps short). Outside a transaction the row is written at once.
     */
    void note(String kind, long entityId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(kind, entityId);
            onCommit.forEach(Runnable::run);
            return;
        }
        Notes notes = null;
        // this transaction's own synchronizations (an outer transaction's are suspended while a new one runs)
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Notes n && n.owner == this) {
                notes = n;
            }
        }
        if (notes == null) {
            notes = new Notes(this);
            TransactionSynchronizationManager.registerSynchronization(notes);
        }
        notes.entities.add(new Entity(kind, entityId));
    }

    /** A ticket or a customer, as the log names it. */
    private record Entity(String kind, long id) {}

    /** What one transaction changed, written before it commits; the followers are woken after. */
    private static final class Notes implements TransactionSynchronization {
        private final ChangeLog owner;
        private final Set<Entity> entities = new java.util.LinkedHashSet<>();

        Notes(ChangeLog owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            entities.forEach(e -> owner.insert(e.kind(), e.id()));
        }

        @Override
        public void afterCommit() {
            owner.onCommit.forEach(Runnable::run);
        }
    }

    private void insert(String kind, long entityId) {
        db.sql("INSERT INTO kn_change (kind, entity_id, changed_at) VALUES (?, ?, ?)")
                .params(kind, entityId, Times.sql(Times.now(clock)))
                .update();
    }

    /** Changes above {@code afterId}, in order. */
    public List<Change> after(long afterId, int limit) {
        return db.sql("SELECT id, kind, entity_id FROM kn_change WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Those of these ids that exist now (gaps that have since committed). */
    public List<Change> find(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Change> found = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            found.addAll(db.sql("SELECT id, kind, entity_id FROM kn_change WHERE id IN (:ids) ORDER BY id")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                    .list());
        }
        return found;
    }

    /** The newest change's id (0 when there is none). */
    public long last() {
        Long max = db.sql("SELECT COALESCE(MAX(id), 0) FROM kn_change")
                .query(Long.class)
                .single();
        return max == null ? 0 : max;
    }

    /** The oldest change still kept (0 when there is none): a node behind it must rebuild. */
    public long first() {
        Long min = db.sql("SELECT COALESCE(MIN(id), 0) FROM kn_change")
                .query(Long.class)
                .single();
        return min == null ? 0 : min;
    }

    /** Forgets changes older than {@code before}; returns how many. */
    public int prune(Instant before) {
        return db.sql("DELETE FROM kn_change WHERE changed_at < ?")
                .param(Times.sql(before))
                .update();
    }
}
