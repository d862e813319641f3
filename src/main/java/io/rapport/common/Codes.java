package io.rapport.common;

import java.util.Arrays;
import java.util.Locale;

/** Lower-case wire codes for enums (status "not_solved" for NOT_SOLVED), one rule for the API, SQL and pages. */
public final class Codes {

    private Codes() {}

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a code read back from the database, where only valid codes were written. */
    public static <E extends Enum<E>> E stored(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(code)) {
                return constant;
            }
        }
        throw new IllegalStateException("unknown " + type.getSimpleName() + " code in the database: " + code);
    }

    /** The codes of every constant, in declaration order ("low, normal, high, urgent"). */
    public static String allowed(Class<? extends Enum<?>> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Codes::of).toList());
    }

    /** The constant for a code, or InvalidInput naming the field and the allowed codes. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code, String field) {
        if (code == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(code)) {
                return constant;
            }
        }
        throw new InvalidInput(field, "must be one of " + allowed(type));
    }
}
