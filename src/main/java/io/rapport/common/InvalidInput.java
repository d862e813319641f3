package io.rapport.common;

/** A field of the request is missing or wrong; the answer names the field. */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidInput(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** The same problem, named by the field the caller knows it as (a nested field such as {@code customer.email}). */
    public InvalidInput as(String callersField) {
        return new InvalidInput(callersField, problem);
    }
}
