package io.rapport.tickets.internal;

import io.rapport.accounts.TicketCounts;
import io.rapport.accounts.TicketCountsProvider;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Answers accounts' question "how many tickets has this customer?" without accounts depending on tickets. */
@Component
class CustomerTicketCounts implements TicketCountsProvider {

    private final TicketRepository tickets;

    CustomerTicketCounts(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public Map<Long, TicketCounts> countsFor(Collection<Long> customerIds) {
        Map<Long, TicketCounts> result = new HashMap<>();
        tickets.countsByCustomer(customerIds).forEach((id, c) -> result.put(id, new TicketCounts(c[0], c[1], c[2])));
        return result;
    }
}
