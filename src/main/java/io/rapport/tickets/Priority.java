package io.rapport.tickets;

import io.rapport.common.Coded;

/** How urgent a ticket is, lowest first. */
public enum Priority implements Coded {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @Override
    public String toString() {
        return code();
    }
}
