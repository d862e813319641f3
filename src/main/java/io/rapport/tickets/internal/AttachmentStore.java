package io.rapport.tickets.internal;

import io.rapport.common.InvalidInput;
import io.rapport.common.TooLarge;
import io.rapport.tickets.NewAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Attachment files under the data directory, named by a random key so that a customer's file name never reaches the
 * file system. A file over the size limit is deleted as soon as the limit is crossed.
 */
@Component
public class AttachmentStore {

    private final Path root;
    private final long maxBytes;

    AttachmentStore(
            @Value("${rapport.data-dir}") Path dataDir,
            @Value("${rapport.attachments.max-size:25MB}") DataSize maxSize) {
        this.root = dataDir.resolve("attachments").toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
    }

    /** A file written to disk: its key, size and SHA-256. */
    public record Stored(String key, long size, String sha256, String filename, String contentType) {}

    public Stored store(NewAttachment attachment) {
        String filename = cleanFilename(attachment.filename());
        String contentType = named(cleanContentType(attachment.contentType()), filename);
        String key = UUID.randomUUID().toString();
        Path file = path(key);
        try {
            Files.createDirectories(file.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = attachment.content().open();
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new TooLarge("attachment " + filename + " is larger than the limit of "
                                + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            } catch (TooLarge | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Stored(key, size, HexFormat.of().formatHex(digest.digest()), filename, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store attachment " + filename, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            // A leftover file wastes space but loses nothing; keep going.
        }
    }

    public Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not an attachment key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    public long maxBytes() {
        return maxBytes;
    }

    static String cleanFilename(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "attachment";
        }
        if (base.length() > 200) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, 200 - ext.length()) + ext;
        }
        return base;
    }

    /** Files sent as just "bytes" (scripts often do) that are named as an image or a PDF are stored as one. */
    private static final java.util.Map<String, String> BY_EXTENSION = java.util.Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "pdf", "application/pdf");

    static String named(String type, String filename) {
        int dot = filename.lastIndexOf('.');
        if (!type.equals("application/octet-stream") || dot < 0) {
            return type;
        }
        return BY_EXTENSION.getOrDefault(filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT), type);
    }

    static String cleanContentType(String type) {
        if (type == null || type.isBlank()) {
            return "application/octet-stream";
        }
        String t = type.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.length() > 200 || !t.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+(\\s*;.*)?")) {
            throw new InvalidInput("attachments.contentType", "is not a valid media type");
        }
        return t;
    }
}
