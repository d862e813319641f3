package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** A customer with every identity and their ticket counts. */
public record CustomerView(
        @NotNull long id,
        @NotNull String name,
        String email,
        String preferredLanguage,
        @NotNull List<CustomerIdentity> identities,
        @NotNull TicketCounts ticketCounts,
        @NotNull Instant createdAt,
        Organization organization,
        String notes) {

    /** The organization a customer belongs to, by id and name. */
    public record Organization(@NotNull long id, @NotNull String name) {}
}
