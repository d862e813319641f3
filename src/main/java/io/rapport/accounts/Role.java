package io.rapport.accounts;

import java.util.Arrays;
import java.util.Locale;

/** What an agent may do: admins manage the desk, supervisors oversee teams, agents work tickets. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    AGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }

    /** The Spring Security authority this role grants. */
    public String authority() {
        return "ROLE_" + name();
    }
}
