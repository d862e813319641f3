package io.rapport.web;

/**
 * A tab of the admin area, contributed by the module that owns the page as a bean, as {@link MenuEntry} does for page
 * headers: the admin pages show every module's tabs, ordered by {@code order}, without naming their routes.
 * {@code section} marks the tab as current on its page.
 */
public record AdminTab(int order, String path, String labelKey, String section) {}
