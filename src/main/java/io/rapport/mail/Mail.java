package io.rapport.mail;

/** A plain-text mail from the desk to one address. */
public record Mail(String to, String subject, String text) {}
