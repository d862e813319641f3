package io.rapport.mail;

/**
 * An SMTP server to send through, instead of the desk's default (SPRING_MAIL_*): a mailbox's own server. {@code tls}
 * for TLS from the first byte (port 465), {@code startTls} to upgrade a plain connection; neither for a server on this
 * machine. No user name: the server takes mail without signing in. {@code verifyCertificate} false accepts any
 * certificate (a server of one's own with a self-signed one).
 */
public record SmtpServer(
        String host,
        int port,
        boolean tls,
        boolean startTls,
        String username,
        String password,
        boolean verifyCertificate) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + (tls ? " tls" : startTls ? " starttls" : "") + "]";
    }
}
