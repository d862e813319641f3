package io.rapport.tickets;

import java.io.IOException;
import java.io.InputStream;

/** A file arriving with a message; read once while it is stored. */
public record NewAttachment(String filename, String contentType, Content content) {

    /** Opens the file's bytes; a multipart upload, a mail part or a byte array. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
