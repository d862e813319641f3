package io.rapport.web.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an upload refused by the servlet container's multipart limits was over, in words that name the limit: a file
 * over the per-file size, a request over the total size, or more parts (files and fields) than one request may carry.
 */
@Component
public class UploadLimits {

    private final DataSize maxFile;
    private final DataSize maxRequest;
    private final int maxParts;

    UploadLimits(
            @Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize maxRequest,
            @Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.maxFile = maxFile;
        this.maxRequest = maxRequest;
        this.maxParts = maxParts;
    }

    /** Whether the upload was refused for a limit (413) rather than for being malformed (400). */
    public boolean isLimit(Throwable e) {
        return kind(e) != null;
    }

    public String explain(Throwable e) {
        String kind = kind(e);
        if ("FileCountLimitExceededException".equals(kind)) {
            return "an upload may have at most " + maxParts + " parts (files and fields together)";
        }
        if ("FileSizeLimitExceededException".equals(kind)) {
            return "a file is larger than the limit of " + label(maxFile) + " per file";
        }
        if ("SizeLimitExceededException".equals(kind)) {
            return "the upload is larger than the limit of " + label(maxRequest) + " for all files together";
        }
        return "the upload could not be read as multipart/form-data";
    }

    private static String kind(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("FileCountLimitExceededException")
                    || name.equals("FileSizeLimitExceededException")
                    || name.equals("SizeLimitExceededException")) {
                return name;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
                ? "SizeLimitExceededException"
                : null;
    }

    /** "25 MB", "1.5 MB", "512 KB". */
    public static String label(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.floor(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
