package io.rapport.tickets.web;

import io.rapport.accounts.ProfileSection;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The tickets on a customer's or an organization's page: the latest ones, newest first, and how many there are. */
@Component
class ProfileTickets implements ProfileSection {

    static final int SHOWN = 25;

    private final Tickets tickets;

    ProfileTickets(Tickets tickets) {
        this.tickets = tickets;
    }

    /** What the fragment shows: the latest tickets and the total. */
    record Shown(List<TicketView> items, long total, boolean organization) {}

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "tickets/profile";
    }

    @Override
    public String fragment() {
        return "tickets";
    }

    @Override
    public Object forCustomer(long customerId) {
        return shown(List.of(customerId), false);
    }

    @Override
    public Object forOrganization(long organizationId, List<Long> customerIds) {
        return shown(customerIds, true);
    }

    private Shown shown(Collection<Long> customerIds, boolean organization) {
        Page<TicketView> page = tickets.find(TicketQuery.all(new PageRequest(0, SHOWN))
                .withCustomers(customerIds)
                .sortedBy("-created"));
        return new Shown(page.items(), page.total(), organization);
    }
}
