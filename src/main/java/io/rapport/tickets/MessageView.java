package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** One message in a ticket's conversation. {@code bodyHtml} is sanitized and present only when the source was HTML. */
public record MessageView(
        @NotNull long id,
        @NotNull long ticketId,
        @NotNull Author author,
        @NotNull Visibility visibility,
        @NotNull String body,
        String bodyHtml,
        @NotNull Channel channel,
        @NotNull Instant createdAt,
        @NotNull List<AttachmentView> attachments,
        MessageDelivery delivery) {

    /** The message with how it reached the customer, where a channel sent it. */
    public MessageView withDelivery(MessageDelivery delivery) {
        return new MessageView(
                id, ticketId, author, visibility, body, bodyHtml, channel, createdAt, attachments, delivery);
    }

    @JsonIgnore
    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
