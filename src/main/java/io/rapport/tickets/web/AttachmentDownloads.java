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
 * types a browser would run as a page (HTML, SVG, XML) sent as plain bytes.
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

    static ResponseEntity<Resource> download(AttachmentContent content) {
        String type = content.attachment().contentType();
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
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
