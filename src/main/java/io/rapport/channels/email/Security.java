package io.rapport.channels.email;

import io.rapport.common.Coded;

/** How a mailbox talks to its server: TLS from the start, STARTTLS, or in the clear (a server on this machine). */
public enum Security implements Coded {
    NONE,
    SSL,
    STARTTLS;

    @Override
    public String toString() {
        return code();
    }
}
