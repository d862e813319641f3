package io.rapport.channels.email;

import java.util.Locale;

/** A mailbox in a header: the display name (may be null) and the address, lower-cased. */
public record MailAddress(String name, String address) {

    public MailAddress {
        address = address == null ? null : address.strip().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** The name to show: the display name, else the part of the address before the @. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        int at = address.indexOf('@');
        return at > 0 ? address.substring(0, at) : address;
    }
}
