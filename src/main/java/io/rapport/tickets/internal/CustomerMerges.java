package io.rapport.tickets.internal;

import io.rapport.accounts.CustomerRenamed;
import io.rapport.accounts.CustomersMerged;
import io.rapport.common.Times;
import io.rapport.tickets.Author;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer merged into another takes their tickets and messages along, in the merging transaction (a plain
 * listener: the merge happens whole or not at all). Each ticket's activity trail says whose it was.
 */
@Component
class CustomerMerges {

    private final JdbcClient db;
    private final TicketRepository tickets;
    private final AuditLog audit;
    private final Clock clock;

    CustomerMerges(JdbcClient db, TicketRepository tickets, AuditLog audit, Clock clock) {
        this.db = db;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the rename's transaction: lists sorted by customer follow the new name. */
    @EventListener
    void on(CustomerRenamed renamed) {
        tickets.renameCustomer(renamed.customerId(), renamed.name());
    }

    @EventListener
    void on(CustomersMerged merged) {
        Instant now = Times.now(clock);
        List<Long> moved = db.sql("SELECT id FROM tkt_ticket WHERE customer_id = ? ORDER BY id FOR UPDATE")
                .param(merged.fromId())
                .query(Long.class)
                .list();
        db.sql("""
                        UPDATE tkt_ticket SET customer_id = ?, customer_sort = ?, version = version + 1, updated_at = ?
                        WHERE customer_id = ?
                        """)
                .params(merged.intoId(), TicketRepository.sortKey(merged.intoName()), Times.sql(now), merged.fromId())
                .update();
        db.sql("UPDATE tkt_message SET author_id = ? WHERE author_type = 'customer' AND author_id = ?")
                .params(merged.intoId(), merged.fromId())
                .update();
        for (long ticket : moved) {
            audit.record(ticket, Author.system(), "changed", "customer", merged.fromName(), merged.intoName(), now);
        }
    }
}
