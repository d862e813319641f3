package io.rapport.accounts;

import java.time.Instant;

/** One way to reach a customer: kind is email now; phone, chat visitor and social handles come with their channels. */
public record CustomerIdentity(String kind, String value, boolean primary, Instant createdAt) {}
