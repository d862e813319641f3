package io.rapport.accounts.web;

import io.rapport.web.Area;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where to go after signing in: the page asked for before the sign-in (a ticket linked from a mail or a chat), taken
 * from the session's saved request, but only when its path lies in the area being signed in to. Agents and customers
 * share one HTTP session, so the saved page could belong to the other side; and only a local path is ever returned
 * (no open redirect). The saved request is used up either way.
 */
final class SignInTarget {

    private SignInTarget() {}

    static String wanted(HttpServletRequest request, HttpServletResponse response, Area area, String fallback) {
        var cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        if (saved == null) {
            return fallback;
        }
        URI wanted;
        try {
            wanted = URI.create(saved.getRedirectUrl());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        String path = wanted.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || !area.contains(path)) {
            return fallback;
        }
        // Spring Security marks the saved URL with "continue"; it means nothing to the page itself
        return UriComponentsBuilder.fromUriString(path)
                .query(wanted.getRawQuery())
                .replaceQueryParam("continue")
                .build(true)
                .toUriString();
    }
}
