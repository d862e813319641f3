package io.rapport.accounts.web;

import io.rapport.web.Authorities;
import io.rapport.web.NotAllowed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** An API token without the write scope may read and nothing else: any other method is refused with 403. */
final class ReadOnlyTokens extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null
                && !READING.contains(request.getMethod())
                && signedIn.getAuthorities().stream().anyMatch(a -> Authorities.READ_ONLY.equals(a.getAuthority()))) {
            throw new NotAllowed("this API token may only read: it lacks the write scope");
        }
        chain.doFilter(request, response);
    }
}
