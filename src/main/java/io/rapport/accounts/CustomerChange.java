package io.rapport.accounts;

import java.util.Optional;

/**
 * Changes to a customer. A null field is left alone; an empty Optional takes the customer out of their organization; empty notes or an empty
 * language clear them.
 */
public record CustomerChange(String name, Optional<Long> organizationId, String notes, String language) {}
