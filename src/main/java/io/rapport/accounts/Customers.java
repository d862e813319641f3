package io.rapport.accounts;

import io.rapport.accounts.internal.CustomerRepository;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import io.rapport.web.UiLanguages;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers: the people who ask for help, known by one or more identities. */
@Service
public class Customers {

    private final CustomerRepository customers;
    private final ObjectProvider<TicketCountsProvider> ticketCounts;
    private final Clock clock;

    Customers(CustomerRepository customers, ObjectProvider<TicketCountsProvider> ticketCounts, Clock clock) {
        this.customers = customers;
        this.ticketCounts = ticketCounts;
        this.clock = clock;
    }

    /** The customer with this email, created on first contact. A blank name falls back to the email's local part. */
    @Transactional
    public CustomerRef identifyByEmail(String email, String name) {
        String normalized;
        try {
            normalized = Agents.normalizeEmail(email);
        } catch (InvalidInput e) {
            throw e.as("customer.email");
        }
        String displayName = name == null || name.isBlank() ? normalized.substring(0, normalized.indexOf('@')) : name;
        if (displayName.length() > 200) {
            throw new InvalidInput("customer.name", "must have at most 200 characters");
        }
        return customers
                .findByIdentity("email", normalized)
                .orElseGet(() -> customers.insertWithEmail(displayName.strip(), normalized, Times.now(clock)));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerRef> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return customers.findByIdentity("email", email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public CustomerRef ref(long id) {
        return customers.findRefs(List.of(id)).values().stream()
                .findFirst()
                .orElseThrow(() -> NotFound.of("customer", id));
    }

    @Transactional(readOnly = true)
    public Map<Long, CustomerRef> refs(Collection<Long> ids) {
        return customers.findRefs(ids);
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        CustomerRef ref = ref(id);
        return view(ref, counts(List.of(id)).getOrDefault(id, TicketCounts.NONE));
    }

    /** Customers whose email or name contains the filter, newest first. */
    @Transactional(readOnly = true)
    public Page<CustomerView> list(String filter, PageRequest page) {
        Page<CustomerRef> refs = customers.search(filter, page);
        Map<Long, TicketCounts> counts =
                counts(refs.items().stream().map(CustomerRef::id).toList());
        return refs.map(r -> view(r, counts.getOrDefault(r.id(), TicketCounts.NONE)));
    }

    @Transactional
    public void setPreferredLanguage(long id, String language) {
        if (!UiLanguages.supported(language)) {
            throw new InvalidInput("language", "must be one of " + String.join(", ", UiLanguages.SUPPORTED));
        }
        customers.setPreferredLanguage(id, language, Times.now(clock));
    }

    private CustomerView view(CustomerRef ref, TicketCounts counts) {
        return new CustomerView(
                ref.id(),
                ref.name(),
                ref.email(),
                ref.preferredLanguage(),
                customers.identities(ref.id()),
                counts,
                customers.createdAt(ref.id()));
    }

    private Map<Long, TicketCounts> counts(Collection<Long> ids) {
        TicketCountsProvider provider = ticketCounts.getIfAvailable();
        return provider == null || ids.isEmpty() ? Map.of() : provider.countsFor(ids);
    }
}
