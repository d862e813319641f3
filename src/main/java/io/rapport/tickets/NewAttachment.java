package io.rapport.tickets;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file arriving with a message; read once while it is stored. {@code contentId} is set for an image the HTML body
 * shows by a {@code cid:} link (a mail's inline image), else null.
 */
public record NewAttachment(String filename, String contentType, Content content, String contentId) {

    public NewAttachment(String filename, String contentType, Content content) {
        this(filename, contentType, content, null);
    }

    /** Opens the file's bytes; a multipart upload, a mail part or a byte array. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
