package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.CustomerRepository;
import io.rapport.accounts.internal.OrganizationRepository;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import io.rapport.web.UiLanguages;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers: the people who ask for help, known by one or more identities. */
@Service
public class Customers {

    private final CustomerRepository customers;
    private final OrganizationRepository organizations;
    private final AccountAudit audit;
    private final ObjectProvider<TicketCountsProvider> ticketCounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(
            CustomerRepository customers,
            OrganizationRepository organizations,
            AccountAudit audit,
            ObjectProvider<TicketCountsProvider> ticketCounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.organizations = organizations;
        this.audit = audit;
        this.ticketCounts = ticketCounts;
        this.events = events;
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

    /** How many customers there are. */
    public long count() {
        return customers.count();
    }

    /** Customer ids above {@code afterId}, in order (for reading every customer, page by page). */
    public List<Long> idsAfter(long afterId, int limit) {
        return customers.idsAfter(afterId, limit);
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
        // organization, notes and names read once for the page, not once per customer
        Map<Long, CustomerRepository.Details> details =
                customers.details(refs.items().stream().map(CustomerRef::id).toList());
        Map<Long, String> organizationNames = organizations.names(details.values().stream()
                .map(CustomerRepository.Details::organizationId)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        return refs.map(
                r -> view(r, counts.getOrDefault(r.id(), TicketCounts.NONE), details.get(r.id()), organizationNames));
    }

    @Transactional
    public void setPreferredLanguage(long id, String language) {
        if (!UiLanguages.supported(language)) {
            throw new InvalidInput("language", "must be one of " + String.join(", ", UiLanguages.SUPPORTED));
        }
        customers.setPreferredLanguage(id, language, Times.now(clock));
    }

    /**
     * Changes a customer's name, organization, notes or language; each change is audited. The language is the one
     * mails and pages use for them (ISO 639-1; one the desk does not speak falls back to English).
     */
    @Transactional
    public CustomerView update(long id, CustomerChange change, Actor by) {
        if (!customers.lock(id)) {
            throw NotFound.of("customer", id);
        }
        CustomerRef ref = ref(id);
        CustomerRepository.Details details = customers.details(id).orElseThrow();
        String name = change.name() == null ? ref.name() : checkName(change.name());
        Long organization = details.organizationId();
        if (change.organizationId() != null) {
            organization = change.organizationId().orElse(null);
            if (organization != null && organizations.find(organization).isEmpty()) {
                throw new InvalidInput("organizationId", "no organization with id " + organization);
            }
        }
        String notes = change.notes() == null ? details.notes() : Organizations.checkNotes(change.notes());
        String language = change.language() == null ? ref.preferredLanguage() : checkLanguage(change.language());
        Instant now = Times.now(clock);
        customers.update(id, name, organization, notes, language, now);
        if (!name.equals(ref.name())) {
            events.publishEvent(new CustomerRenamed(id, name));
        }
        record(by, id, "name", ref.name(), name, now);
        record(by, id, "organization", organizationName(details.organizationId()), organizationName(organization), now);
        record(by, id, "notes", details.notes(), notes, now);
        record(by, id, "language", ref.preferredLanguage(), language, now);
        return get(id);
    }

    /**
     * Merges {@code fromId} into {@code intoId}: identities, tickets (through {@link CustomersMerged}, in this
     * transaction) and history follow; the kept customer keeps their name, and takes the merged one's organization and
     * language where they had none and their notes below their own. The merged id leads to the kept customer.
     */
    @Transactional
    public CustomerView merge(long fromId, long intoId, Actor by) {
        if (fromId == intoId) {
            throw new InvalidInput("intoId", "is this customer: a customer cannot be merged into itself");
        }
        // locked in id order, so that two opposite merges at once wait for each other instead of deadlocking
        boolean fromFound = true;
        boolean intoFound = true;
        for (long id : new long[] {Math.min(fromId, intoId), Math.max(fromId, intoId)}) {
            boolean found = customers.lock(id);
            if (id == fromId) {
                fromFound = found;
            } else {
                intoFound = found;
            }
        }
        if (!fromFound) {
            throw NotFound.of("customer", fromId);
        }
        if (!intoFound) {
            throw new InvalidInput("intoId", "no customer with id " + intoId);
        }
        CustomerRef from = ref(fromId);
        CustomerRef into = ref(intoId);
        CustomerRepository.Details fromDetails = customers.details(fromId).orElseThrow();
        CustomerRepository.Details intoDetails = customers.details(intoId).orElseThrow();
        Instant now = Times.now(clock);
        String notes = intoDetails.notes();
        if (fromDetails.notes() != null) {
            String merged = (notes == null ? "" : notes + "\n\n") + from.name() + ": " + fromDetails.notes();
            notes = merged.length() > Organizations.MAX_NOTES ? merged.substring(0, Organizations.MAX_NOTES) : merged;
        }
        customers.update(
                intoId,
                into.name(),
                intoDetails.organizationId() != null ? intoDetails.organizationId() : fromDetails.organizationId(),
                notes,
                into.preferredLanguage() != null ? into.preferredLanguage() : from.preferredLanguage(),
                now);
        events.publishEvent(new CustomersMerged(fromId, intoId, from.name(), into.name()));
        audit.move("customer", fromId, intoId);
        customers.merge(fromId, intoId, from.name(), now);
        audit.record(
                by,
                "merged",
                "customer",
                intoId,
                null,
                from.name() + (from.email() == null ? "" : " <" + from.email() + ">") + " (" + fromId + ")",
                into.name(),
                now);
        return get(intoId);
    }

    /** Where a customer id leads: itself, or the customer it was merged into; empty if neither. */
    @Transactional(readOnly = true)
    public Optional<Long> resolve(long id) {
        if (!customers.findRefs(List.of(id)).isEmpty()) {
            return Optional.of(id);
        }
        return customers.mergedInto(id);
    }

    /** The ids of an organization's customers (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<Long> idsInOrganization(long organizationId, int limit) {
        return customers.idsInOrganization(organizationId, limit);
    }

    /** An organization's customers, by name. */
    @Transactional(readOnly = true)
    public List<CustomerRef> inOrganization(long organizationId, int limit) {
        return List.copyOf(customers
                .findRefs(customers.idsInOrganization(organizationId, limit))
                .values());
    }

    /** Who changed the customer and how, newest first (a merged customer's history included). */
    @Transactional(readOnly = true)
    public List<AccountChange> history(long id) {
        return audit.of("customer", id, 100);
    }

    private void record(Actor by, long id, String field, String before, String after, Instant now) {
        if (!Objects.equals(before, after)) {
            audit.record(by, "changed", "customer", id, field, before, after, now);
        }
    }

    private String organizationName(Long id) {
        return id == null ? null : organizations.names(List.of(id)).get(id);
    }

    private static String checkName(String name) {
        if (name.isBlank()) {
            throw new InvalidInput("name", "must not be blank");
        }
        if (name.strip().length() > 200) {
            throw new InvalidInput("name", "must have at most 200 characters");
        }
        return name.strip();
    }

    /** An ISO 639-1 code, or empty for none. */
    private static String checkLanguage(String language) {
        if (language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Arrays.asList(java.util.Locale.getISOLanguages()).contains(code) || code.length() != 2) {
            throw new InvalidInput("language", "must be a two-letter ISO 639-1 code such as en or de");
        }
        return code;
    }

    private CustomerView view(CustomerRef ref, TicketCounts counts) {
        CustomerRepository.Details details =
                customers.details(ref.id()).orElseThrow(() -> NotFound.of("customer", ref.id()));
        Long org = details.organizationId();
        return view(ref, counts, details, org == null ? Map.of() : organizations.names(List.of(org)));
    }

    private CustomerView view(
            CustomerRef ref, TicketCounts counts, CustomerRepository.Details details, Map<Long, String> orgNames) {
        Long org = details.organizationId();
        return new CustomerView(
                ref.id(),
                ref.name(),
                ref.email(),
                ref.preferredLanguage(),
                customers.identities(ref.id()),
                counts,
                details.createdAt(),
                org == null ? null : new CustomerView.Organization(org, orgNames.get(org)),
                details.notes());
    }

    private Map<Long, TicketCounts> counts(Collection<Long> ids) {
        TicketCountsProvider provider = ticketCounts.getIfAvailable();
        return provider == null || ids.isEmpty() ? Map.of() : provider.countsFor(ids);
    }
}
