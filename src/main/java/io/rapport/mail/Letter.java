package io.rapport.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A mail in a conversation: from a named sender at an address, to and copied people, with the headers that thread it
 * (its own {@code messageId}, {@code inReplyTo}, {@code references}), a text part, an optional HTML part, attachments
 * and extra headers (such as {@code Auto-Submitted}). Ids are without angle brackets.
 */
public record Letter(
        String fromAddress,
        String fromName,
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        String html,
        String messageId,
        String inReplyTo,
        List<String> references,
        Map<String, String> headers,
        List<File> attachments) {

    /** A file to attach, opened when the mail is written. */
    public record File(String filename, String contentType, Content content) {}

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
