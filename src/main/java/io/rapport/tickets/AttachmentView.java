package io.rapport.tickets;

/** A stored attachment: served only as a download. */
public record AttachmentView(long id, String filename, String contentType, long size) {}
