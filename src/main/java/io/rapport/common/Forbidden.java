package io.rapport.common;

/** The caller is known but their role does not allow this action. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
