package io.rapport.tickets;

/** How urgent a ticket is, lowest first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String code() {
        return io.rapport.common.Codes.of(this);
    }
}
