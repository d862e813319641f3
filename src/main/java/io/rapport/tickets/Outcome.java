package io.rapport.tickets;

import io.rapport.common.Coded;

/**
 * Whether the problem was really solved, in the customer's words: unknown until they answer; confirmed; not_solved (the
 * ticket reopened); unconfirmed (closed without their word); repeat_contact (they came back about the same problem).
 */
public enum Outcome implements Coded {
    UNKNOWN,
    CONFIRMED,
    NOT_SOLVED,
    UNCONFIRMED,
    REPEAT_CONTACT;

    @Override
    public String toString() {
        return code();
    }
}
