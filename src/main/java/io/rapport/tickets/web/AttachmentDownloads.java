package io.rapport.tickets.web;

import io.rapport.tickets.AttachmentContent;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves an attachment strictly as a download: Content-Disposition attachment, no MIME sniffing, a sandboxing CSP, and
 * types a browser would run as a page (HTML, SVG, XML) sent as plain bytes. {@link #view} shows images and PDFs in
 * the browser instead, and nothing else: every other type is still a download.
 */
final class AttachmentDownloads {

    private static final Set<String> ACTIVE_TYPES = Set.of(
            "text/html",
            "application/xhtml+xml",
            "image/svg+xml",
            "text/xml",
            "application/xml",
            "text/javascript",
            "application/javascript");

    private AttachmentDownloads() {}

    /**
     * Shown in the browser: an image a browser shows without running anything, or a PDF (its viewer runs no page
     * script; a sandbox CSP would stop Chromium's viewer, so PDFs get a policy that allows nothing else). Any other
     * type, HTML above all, is a download.
     */
    static ResponseEntity<Resource> view(AttachmentContent content) {
        String kind = content.attachment().previewKind();
        if (kind == null) {
            return download(content);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(base(content.attachment().contentType())))
                .contentLength(content.attachment().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(content.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        kind.equals("pdf")
                                ? "default-src 'none'; frame-ancestors 'self'"
                                : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(new FileSystemResource(content.file()));
    }

    private static String base(String type) {
        return type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
    }

    static ResponseEntity<Resource> download(AttachmentContent content) {
        String type = content.attachment().contentType();
        String base = base(type);
        MediaType mediaType =
                ACTIVE_TYPES.contains(base) ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type);
        return ResponseEntity.ok()
                .contentType(mediaType)
                .contentLength(content.attachment().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new FileSystemResource(content.file()));
    }
}
