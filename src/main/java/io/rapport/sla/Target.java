package io.rapport.sla;

import io.rapport.common.Coded;

/** The three things a policy times. */
public enum Target implements Coded {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    SOLUTION
}
