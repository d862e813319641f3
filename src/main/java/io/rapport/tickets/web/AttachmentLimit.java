package io.rapport.tickets.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The attachment size limit as pages show and check it ({@code ${attachmentLimit}} in the workspace and portal
 * templates): the browser refuses a file over the limit before anything is sent, so what the person typed stays in the
 * form. The server still enforces the limit (413) for every other client.
 */
@ControllerAdvice(assignableTypes = {Workspace.class, Portal.class})
public class AttachmentLimit {

    private final DataSize max;
    private final DataSize maxTotal;

    /** The limits the server's multipart parsing enforces on these forms, per file and per request. */
    AttachmentLimit(
            @Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize max,
            @Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize maxTotal) {
        this.max = max;
        this.maxTotal = maxTotal;
    }

    @ModelAttribute("attachmentLimit")
    AttachmentLimit attachmentLimit() {
        return this;
    }

    public long bytes() {
        return max.toBytes();
    }

    /** All files of one form together, with room for the text fields. */
    public long totalBytes() {
        return Math.max(max.toBytes(), maxTotal.toBytes() - 64 * 1024);
    }

    public String label() {
        return label(max);
    }

    public String totalLabel() {
        return label(maxTotal);
    }

    /** "25 MB", "1.5 MB", "512 KB". */
    static String label(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.floor(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
