package io.rapport.tickets.web;

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

    AttachmentLimit(@Value("${rapport.attachments.max-size:25MB}") DataSize max) {
        this.max = max;
    }

    @ModelAttribute("attachmentLimit")
    AttachmentLimit attachmentLimit() {
        return this;
    }

    public long bytes() {
        return max.toBytes();
    }

    /** "25 MB", "512 KB". */
    public String label() {
        return max.toMegabytes() >= 1 ? max.toMegabytes() + " MB" : max.toKilobytes() + " KB";
    }
}
