package io.rapport.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where to go after signing in: the page asked for before the sign-in (a ticket linked from a mail or a chat), taken
 * from the session's saved request, but only when its path is one of the signing-in side's own. Agents and customers
 * share one HTTP session, so the saved page could belong to the other side; and only a local path is ever returned
 * (no open redirect). The saved request is used up either way.
 */
public final class SignInTarget {

    private SignInTarget() {}

    public static String wanted(
            HttpServletRequest request, HttpServletResponse response, Pattern allowedPaths, String fallback) {
        var cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        if (saved == null) {
            return fallback;
        }
        URI wanted = URI.create(saved.getRedirectUrl());
        String path = wanted.getPath();
        if (path == null || !allowedPaths.matcher(path).matches()) {
            return fallback;
        }
        // Spring Security marks the saved URL with "continue"; it means nothing to the page itself
        String query = wanted.getRawQuery() == null
                ? ""
                : Arrays.stream(wanted.getRawQuery().split("&"))
                        .filter(p -> !p.equals("continue") && !p.startsWith("continue="))
                        .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
