package io.rapport.tickets;

import io.rapport.common.Coded;

/** Where a ticket or message came from. */
public enum Channel implements Coded {
    EMAIL,
    CHAT,
    WEB,
    MESSAGING,
    PHONE,
    API;

    @Override
    public String toString() {
        return code();
    }
}
