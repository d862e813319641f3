package io.rapport.common;

/** Something asked for does not exist, or exists but is not the caller's to see: both answer 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound of(String what, Object id) {
        return new NotFound(what + " " + id + " was not found");
    }
}
