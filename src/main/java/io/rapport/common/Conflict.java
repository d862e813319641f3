package io.rapport.common;

/**
 * The request is valid but clashes with the current state (an illegal transition, a duplicate, a stale edit). The
 * {@code code} names the kind of clash so that pages can say it in the person's language; the message says it in
 * English for the API and the log.
 */
public class Conflict extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public Conflict(String message) {
        this("conflict", message);
    }

    public Conflict(String code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = args.clone();
    }

    /** What kind of clash: ticket.changed, ticket.transition, ticket.closed, team.exists ... */
    public String code() {
        return code;
    }

    /** The values a page needs to say what clashed (a ticket number, a status). */
    public Object[] args() {
        return args.clone();
    }
}
