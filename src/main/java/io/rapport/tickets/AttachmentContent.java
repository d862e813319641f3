package io.rapport.tickets;

import java.nio.file.Path;

/** An attachment's file on disk with what a download response needs. */
public record AttachmentContent(AttachmentView attachment, Path file) {}
