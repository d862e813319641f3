package io.rapport.common;

/** A field of the request is missing or wrong; the answer names the field. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
