package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * One message in a ticket's conversation. {@code bodyHtml} is sanitized and present only when the source was HTML.
 * {@code envelope} and {@code delivery}, for agents, say how a message travelled through its channel (a mail: from,
 * to, cc, the original; whether it reached the customer).
 */
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
        MessageDelivery delivery,
        MessageEnvelope envelope) {

    /** The message with how it travelled through its channel: its envelope and how it reached the customer. */
    public MessageView withChannel(MessageEnvelope envelope, MessageDelivery delivery) {
        return new MessageView(
                id, ticketId, author, visibility, body, bodyHtml, channel, createdAt, attachments, delivery, envelope);
    }

    @JsonIgnore
    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
