package io.rapport.web;

import io.rapport.common.InvalidInput;

/** Values people type into forms, read one way on every page. */
public final class FormValues {

    private FormValues() {}

    /** A number or id as typed, with or without a leading # ("#1042", "1042"); refused naming the field. */
    public static long number(String typed, String field, String problem) {
        String value = typed == null ? "" : typed.strip();
        String digits = value.startsWith("#") ? value.substring(1) : value;
        if (!digits.matches("[1-9]\\d{0,17}")) {
            throw new InvalidInput(field, problem);
        }
        return Long.parseLong(digits);
    }

    /** Like {@link #number}, but absent or blank is null. */
    public static Long optionalNumber(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return number(typed, field, "must be a number");
    }

    /** A step that cannot be undone goes ahead only with its box ticked. */
    public static void requireConfirmed(String confirm) {
        if (!"yes".equals(confirm)) {
            throw new InvalidInput("confirm", "tick the box to confirm");
        }
    }
}
