package io.rapport.accounts;

import io.rapport.common.Coded;

/**
 * What an API token may do, on top of what its agent may do: {@code read} (every token: look things up), {@code write}
 * (change things) and {@code admin} (the admin calls, for a token of an admin). A token without {@code admin} acts at
 * most as a supervisor; one without {@code write} may only read.
 */
public enum TokenScope implements Coded {
    READ,
    WRITE,
    ADMIN;

    @Override
    public String toString() {
        return code();
    }
}
