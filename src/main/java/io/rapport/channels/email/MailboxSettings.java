package io.rapport.channels.email;

/**
 * What an admin enters for a mailbox, passwords included. The SMTP user and password are optional (a relay that
 * needs no sign-in); when only a user is given, the IMAP password is used. A server's certificate is checked unless
 * its {@code verifyCertificate} is false (a server of one's own with a self-signed certificate).
 */
public record MailboxSettings(
        String name,
        String address,
        String imapHost,
        Integer imapPort,
        Security imapSecurity,
        String imapUsername,
        String imapPassword,
        String folder,
        String smtpHost,
        Integer smtpPort,
        Security smtpSecurity,
        String smtpUsername,
        String smtpPassword,
        Integer pollSeconds,
        Boolean imapVerifyCertificate,
        Boolean smtpVerifyCertificate) {}
