package io.rapport.channels.email;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mail no person wrote to the desk: bounces, auto-replies (out of office, "we received your mail"), list and bulk mail,
 * and mail from the desk's own addresses. Such mail never makes the desk send a mail and never reopens a ticket (ADR
 * 15). The checks run in order; the first that matches names the kind.
 */
public final class Noise {

    /** What kind of noise a mail is, or {@link #NONE}. */
    public enum Kind {
        NONE,
        OWN_ADDRESS,
        BOUNCE,
        AUTO_REPLY,
        BULK
    }

    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheits|abwesend|"
                    + "r[ée]ponse automatique|absence|automatische antwort|respuesta autom[áa]tica|vacation)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAEMON =
            Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|maildaemon)@", Pattern.CASE_INSENSITIVE);

    private Noise() {}

    public static Kind of(ParsedMail mail, Collection<String> ownAddresses) {
        String from = mail.from() == null ? null : mail.from().address();
        if (from != null && ownAddresses.contains(from)) {
            return Kind.OWN_ADDRESS;
        }
        if (mail.header("x-rapport-loop") != null) {
            return Kind.OWN_ADDRESS;
        }
        if (mail.report() != null || (from != null && DAEMON.matcher(from).find())) {
            return Kind.BOUNCE;
        }
        String autoSubmitted = lower(mail.header("auto-submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return Kind.AUTO_REPLY;
        }
        if (mail.header("x-autoreply") != null
                || mail.header("x-autorespond") != null
                || "all".equalsIgnoreCase(strip(mail.header("x-auto-response-suppress")))
                        && mail.subject() != null
                        && AUTO_SUBJECT.matcher(mail.subject()).find()) {
            return Kind.AUTO_REPLY;
        }
        String precedence = lower(mail.header("precedence"));
        if (precedence != null && (precedence.startsWith("auto_reply") || precedence.startsWith("auto-reply"))) {
            return Kind.AUTO_REPLY;
        }
        if (mail.subject() != null && AUTO_SUBJECT.matcher(mail.subject()).find()) {
            return Kind.AUTO_REPLY;
        }
        if (precedence != null
                && (precedence.startsWith("bulk") || precedence.startsWith("junk") || precedence.startsWith("list"))) {
            return Kind.BULK;
        }
        if (mail.header("list-id") != null) {
            return Kind.BULK;
        }
        return Kind.NONE;
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
