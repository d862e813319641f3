package io.rapport.tickets;

/** Where a ticket or message came from. */
public enum Channel {
    EMAIL,
    CHAT,
    WEB,
    MESSAGING,
    PHONE,
    API;

    public String code() {
        return io.rapport.common.Codes.of(this);
    }
}
