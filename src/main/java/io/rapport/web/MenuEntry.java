package io.rapport.web;

/**
 * A link in an area's page header, contributed by the module that owns the page as a bean. Shown to whoever holds the
 * authority, ordered by {@code order}; {@code section} marks the entry as current on the module's pages.
 */
public record MenuEntry(Area area, int order, String path, String labelKey, String section, String authority) {}
