package io.rapport.channels.email;

/** A mail the parser could not read; the raw source is kept and shown to admins with this reason. */
public class UnreadableMail extends RuntimeException {

    public UnreadableMail(String reason, Throwable cause) {
        super(reason, cause);
    }
}
