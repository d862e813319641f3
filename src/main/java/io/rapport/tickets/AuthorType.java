package io.rapport.tickets;

import io.rapport.common.Coded;

/** Who can write or change a ticket: the customer, an agent, or Rapport itself. */
public enum AuthorType implements Coded {
    CUSTOMER,
    AGENT,
    SYSTEM;

    @Override
    public String toString() {
        return code();
    }
}
