package io.rapport.tickets;

/** public: the customer sees it; internal: a note among agents only. */
public enum Visibility {
    PUBLIC,
    INTERNAL;

    public String code() {
        return io.rapport.common.Codes.of(this);
    }
}
