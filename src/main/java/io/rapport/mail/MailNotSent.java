package io.rapport.mail;

/**
 * A mail did not go out. {@link #permanent()} when trying again cannot help (the server refused the address or the
 * message); otherwise the failure passes (server down, timeout) and the caller should try again later.
 */
public class MailNotSent extends RuntimeException {

    private final boolean permanent;

    public MailNotSent(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
