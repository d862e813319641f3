package io.rapport.accounts;

import java.util.Collection;
import java.util.Map;

/**
 * Ticket counts for customers. Implemented by the tickets module, which depends on accounts; this interface keeps the
 * dependency one way.
 */
public interface TicketCountsProvider {

    Map<Long, TicketCounts> countsFor(Collection<Long> customerIds);
}
