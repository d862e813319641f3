package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.rapport.common.Html;
import jakarta.validation.constraints.NotNull;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One message in a ticket's conversation. {@code bodyHtml} is sanitized and present only when the source was HTML.
 * {@code envelope} and {@code delivery}, for agents, say how a message travelled through its channel (a mail: from,
 * to, cc, the original; whether it reached the customer). {@code savedReply}: the saved reply it started from and how
 * much of it the agent changed.
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
        MessageEnvelope envelope,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        ReplyOrigin savedReply) {

    public MessageView(
            long id,
            long ticketId,
            Author author,
            Visibility visibility,
            String body,
            String bodyHtml,
            Channel channel,
            Instant createdAt,
            List<AttachmentView> attachments,
            MessageDelivery delivery,
            MessageEnvelope envelope) {
        this(
                id,
                ticketId,
                author,
                visibility,
                body,
                bodyHtml,
                channel,
                createdAt,
                attachments,
                delivery,
                envelope,
                null);
    }

    /** The message with how it travelled through its channel: its envelope and how it reached the customer. */
    public MessageView withChannel(MessageEnvelope envelope, MessageDelivery delivery) {
        return new MessageView(
                id,
                ticketId,
                author,
                visibility,
                body,
                bodyHtml,
                channel,
                createdAt,
                attachments,
                delivery,
                envelope,
                savedReply);
    }

    /**
     * The message as a page shows it: each image its HTML body shows by a {@code cid:} link points at {@code address}
     * of the attachment with that Content-ID, and those attachments leave the file list. A link to no kept image (too
     * large, not an image a browser shows safely) is removed.
     */
    public MessageView showingImages(Function<AttachmentView, String> address) {
        if (bodyHtml == null || !bodyHtml.contains("cid:")) {
            return this;
        }
        Set<Long> shown = new HashSet<>();
        String html = Html.showImages(bodyHtml, cid -> {
            String wanted = decoded(cid);
            return attachments.stream()
                    .filter(a -> wanted.equalsIgnoreCase(a.contentId()) && "image".equals(a.previewKind()))
                    .findFirst()
                    .map(a -> {
                        shown.add(a.id());
                        return address.apply(a);
                    })
                    .orElse(null);
        });
        List<AttachmentView> listed =
                attachments.stream().filter(a -> !shown.contains(a.id())).toList();
        return new MessageView(
                id,
                ticketId,
                author,
                visibility,
                body,
                html,
                channel,
                createdAt,
                listed,
                delivery,
                envelope,
                savedReply);
    }

    /** A cid: link's Content-ID (RFC 2392 escapes it like a URL); one that is not validly escaped is taken as it is. */
    private static String decoded(String cid) {
        try {
            return URLDecoder.decode(cid.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return cid;
        }
    }

    @JsonIgnore
    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
