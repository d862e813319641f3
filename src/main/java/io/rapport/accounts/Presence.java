package io.rapport.accounts;

import io.rapport.common.Coded;

/** Whether an agent is there to take work: online, away or offline. */
public enum Presence implements Coded {
    ONLINE,
    AWAY,
    OFFLINE;

    @Override
    public String toString() {
        return code();
    }
}
