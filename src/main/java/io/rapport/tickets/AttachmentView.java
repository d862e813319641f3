package io.rapport.tickets;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * A stored attachment: served only as a download. {@code contentId} names an image the message's HTML body shows by a
 * {@code cid:} link.
 */
public record AttachmentView(
        @NotNull long id,
        @NotNull String filename,
        @NotNull String contentType,
        @NotNull long size,

        @Schema(description = "set when the HTML body shows this image by a cid: link (a mail's inline image)")
        String contentId) {}
