package io.rapport.tickets;

import io.rapport.common.Coded;

/** public: the customer sees it; internal: a note among agents only. */
public enum Visibility implements Coded {
    PUBLIC,
    INTERNAL;

    @Override
    public String toString() {
        return code();
    }
}
