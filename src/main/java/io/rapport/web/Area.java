package io.rapport.web;

import java.util.List;

/**
 * The three ways into the desk (ADR 3), each with its own filter chain: the JSON API (stateless, Basic or Bearer), the
 * customer area (its own session, signed in by emailed link) and the staff area (agents' workspace and admin, signed in
 * by password). A module places its routes in an area and adds its rules there through {@link SecurityRules}.
 */
public enum Area {
    API("/api/**", "/actuator/**"),
    CUSTOMER("/portal", "/portal/**"),
    /** Everything that is neither API nor customer area. */
    STAFF();

    private static final Area[] AREAS = values();

    private final List<String> patterns;

    Area(String... patterns) {
        this.patterns = List.of(patterns);
    }

    /** The path patterns the area's chain matches; empty for the staff area, which takes every other request. */
    public String[] patterns() {
        return patterns.toArray(String[]::new);
    }

    /** The area a request path belongs to. */
    public static Area of(String path) {
        for (Area area : AREAS) {
            for (String pattern : area.patterns) {
                if (matches(pattern, path)) {
                    return area;
                }
            }
        }
        return STAFF;
    }

    /** "/api/**" takes "/api" and everything under it; any other pattern is one exact path. */
    private static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/**")) {
            String base = pattern.substring(0, pattern.length() - 3);
            return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
        }
        return path.equals(pattern);
    }

    /** Whether a request path belongs to this area. */
    public boolean contains(String path) {
        return of(path) == this;
    }
}
