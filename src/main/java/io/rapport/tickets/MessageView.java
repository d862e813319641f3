package io.rapport.tickets;

import java.time.Instant;
import java.util.List;

/** One message in a ticket's conversation. {@code bodyHtml} is sanitized and present only when the source was HTML. */
public record MessageView(
        long id,
        long ticketId,
        Author author,
        Visibility visibility,
        String body,
        String bodyHtml,
        Channel channel,
        Instant createdAt,
        List<AttachmentView> attachments) {

    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
