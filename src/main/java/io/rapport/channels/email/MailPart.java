package io.rapport.channels.email;

/**
 * A decoded part of a mail that is not its text: an attachment, or an image shown inside the HTML body
 * ({@code inline}, referred to by {@code contentId} from a {@code cid:} link).
 */
public record MailPart(String filename, String contentType, String contentId, boolean inline, byte[] content) {

    public long size() {
        return content.length;
    }
}
