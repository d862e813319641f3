package io.rapport.tickets;

/**
 * Whether the problem was really solved, in the customer's words: unknown until they answer; confirmed; not_solved (the
 * ticket reopened); unconfirmed (closed without their word); repeat_contact (they came back about the same problem).
 */
public enum Outcome {
    UNKNOWN,
    CONFIRMED,
    NOT_SOLVED,
    UNCONFIRMED,
    REPEAT_CONTACT;

    public String code() {
        return io.rapport.common.Codes.of(this);
    }
}
