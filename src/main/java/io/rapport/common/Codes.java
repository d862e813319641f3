package io.rapport.common;

import java.util.Arrays;
import java.util.Locale;

/** Lower-case wire codes for enums (status "not_solved" for NOT_SOLVED), one rule for the API, SQL and pages. */
public final class Codes {

    private Codes() {}

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
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
        throw new InvalidInput(
                field,
                "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Codes::of)
                                        .toList()));
    }
}
