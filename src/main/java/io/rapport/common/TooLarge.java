package io.rapport.common;

/** A body or upload is over its size limit: answered with 413 and nothing stored. */
public class TooLarge extends RuntimeException {

    public TooLarge(String message) {
        super(message);
    }
}
