package io.rapport.accounts;

import io.rapport.common.Coded;

/** What an agent may do: admins manage the desk, supervisors oversee teams, agents work tickets. */
public enum Role implements Coded {
    ADMIN,
    SUPERVISOR,
    AGENT;

    @Override
    public String toString() {
        return code();
    }

    /** The Spring Security authority this role grants. */
    public String authority() {
        return "ROLE_" + name();
    }
}
