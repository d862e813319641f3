package io.rapport.tickets;

import java.util.List;
import java.util.Set;

/**
 * Open a ticket for a customer (found or created by email) with its first message. When an agent opens it on the
 * customer's behalf, {@code openedBy} is that agent; otherwise the customer wrote it.
 */
public record OpenTicket(
        String subject,
        String body,
        String bodyHtml,
        String customerEmail,
        String customerName,
        Channel channel,
        Priority priority,
        Set<String> tags,
        List<NewAttachment> attachments,
        Author openedBy) {}
