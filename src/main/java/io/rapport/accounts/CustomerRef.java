package io.rapport.accounts;

/** The short form of a customer that tickets carry: id, primary email, name, preferred language. */
public record CustomerRef(long id, String email, String name, String preferredLanguage) {}
