package io.rapport.tickets;

import java.time.Instant;

/** One change to a ticket: who, what, when, and the value before and after. */
public record AuditEntry(
        long id, Author actor, String action, String field, String before, String after, Instant createdAt) {}
