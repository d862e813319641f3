package io.rapport.common;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose constants travel as lower-case codes ("not_solved"): the API, the database, pages and logs all show
 * the code. Implementing enums return {@link #code()} from {@code toString()} too, so that templates and messages
 * print the code.
 */
public interface Coded {

    @JsonValue
    default String code() {
        return Codes.of((Enum<?>) this);
    }

    /**
     * The message-bundle key that names this constant to a person ({@code status.open}), or null where there is none;
     * pages use it when a constant appears in a message.
     */
    default String messageKey() {
        return null;
    }
}
