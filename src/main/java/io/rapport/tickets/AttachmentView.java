package io.rapport.tickets;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * A stored attachment: served as a download, images and PDFs also to be viewed in the browser. {@code contentId} names an image the message's HTML body shows by a
 * {@code cid:} link.
 */
public record AttachmentView(
        @NotNull long id,
        @NotNull String filename,
        @NotNull String contentType,
        @NotNull long size,

        @Schema(description = "set when the HTML body shows this image by a cid: link (a mail's inline image)")
        String contentId) {

    /** Image types a browser shows without running anything (SVG, which can carry script, is only a download). */
    private static final java.util.Set<String> IMAGES =
            java.util.Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/avif");

    /** "image" or "pdf" for what the browser may show as it is (a preview); null for a download only. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String previewKind() {
        String base = contentType.contains(";")
                ? contentType.substring(0, contentType.indexOf(';')).strip()
                : contentType;
        base = base.toLowerCase(java.util.Locale.ROOT);
        if (IMAGES.contains(base)) {
            return "image";
        }
        return base.equals("application/pdf") ? "pdf" : null;
    }
}
