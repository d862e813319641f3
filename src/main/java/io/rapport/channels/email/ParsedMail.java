package io.rapport.channels.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mail as the desk reads it. {@code text} is the whole readable text (derived from the HTML when the mail has no
 * text part); {@code html} is the HTML body as sent, not yet sanitized (null for a text mail). {@code headers} holds
 * only the headers the desk decides on (auto-replies, lists, loops), lower-cased names. {@code report} is set for a
 * delivery status notification (a bounce).
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String subject,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        Instant date,
        String text,
        String html,
        List<MailPart> attachments,
        Map<String, String> headers,
        DeliveryReport report) {

    /** What a bounce says: the failed recipient, its status and the Message-ID of the mail that bounced. */
    public record DeliveryReport(String recipient, String action, String status, String originalMessageId) {

        public boolean failed() {
            return action == null || action.equalsIgnoreCase("failed") || (status != null && status.startsWith("5"));
        }
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The ids this mail answers, nearest first: In-Reply-To, References from the last, a bounce's returned mail. */
    public List<String> threadIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        if (report != null && report.originalMessageId() != null) {
            ids.add(report.originalMessageId()); // a bounce names the mail it returns
        }
        return List.copyOf(ids);
    }

    /** The address replies go to: Reply-To when given, else From. */
    public MailAddress replyAddress() {
        return replyTo.isEmpty() ? from : replyTo.getFirst();
    }
}
