package io.rapport.tickets;

import java.util.List;

/** Add a message to a ticket: a customer's message, an agent's public reply or an internal note. */
public record AddMessage(
        String body,
        String bodyHtml,
        Visibility visibility,
        Channel channel,
        Author author,
        List<NewAttachment> attachments,
        ReplyOrigin origin) {

    public AddMessage(
            String body,
            String bodyHtml,
            Visibility visibility,
            Channel channel,
            Author author,
            List<NewAttachment> attachments) {
        this(body, bodyHtml, visibility, channel, author, attachments, null);
    }
}
