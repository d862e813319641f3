package io.rapport.accounts;

import java.time.Instant;
import java.util.List;

/** A customer with every identity and their ticket counts. */
public record CustomerView(
        long id,
        String name,
        String email,
        String preferredLanguage,
        List<CustomerIdentity> identities,
        TicketCounts ticketCounts,
        Instant createdAt) {}
