package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;

/** A stored attachment: served only as a download. */
public record AttachmentView(
        @NotNull long id,
        @NotNull String filename,
        @NotNull String contentType,
        @NotNull long size) {}
