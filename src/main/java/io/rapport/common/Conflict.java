package io.rapport.common;

/** The request is valid but clashes with the current state (an illegal transition, a duplicate, a stale edit). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
