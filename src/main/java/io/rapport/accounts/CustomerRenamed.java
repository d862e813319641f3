package io.rapport.accounts;

/** A customer's name changed; published inside the change's transaction, so what keeps a copy stays in step. */
public record CustomerRenamed(long customerId, String name) {}
