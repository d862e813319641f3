package io.rapport.web.internal;

import io.rapport.web.StoredLanguages;
import io.rapport.web.UiLanguages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page speaks: the signed-in person's stored choice first (see {@link StoredLanguages}; not for the
 * API, which speaks as its client asks), then the language the visitor chose (cookie), then the browser's
 * Accept-Language among the supported ones, else English.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "rapport-lang";

    private final List<StoredLanguages> stored;

    LanguageResolver(List<StoredLanguages> stored) {
        this.stored = stored;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object cached = request.getAttribute(LanguageResolver.class.getName());
        if (cached instanceof Locale locale) {
            return locale;
        }
        Locale locale = resolve(request);
        request.setAttribute(LanguageResolver.class.getName(), locale);
        return locale;
    }

    private Locale resolve(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // the API speaks as its client asks (Accept-Language), whatever its token's agent chose for the desk's pages
        boolean api = io.rapport.web.Area.of(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                == io.rapport.web.Area.API;
        if (auth != null && !api) {
            Optional<String> chosen = stored.stream()
                    .map(s -> s.of(auth))
                    .flatMap(Optional::stream)
                    .filter(UiLanguages::supported)
                    .findFirst();
            if (chosen.isPresent()) {
                return Locale.forLanguageTag(chosen.get());
            }
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && UiLanguages.supported(cookie.getValue())) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        var languages = request.getLocales();
        while (languages.hasMoreElements()) {
            Locale candidate = languages.nextElement();
            if (UiLanguages.supported(candidate.getLanguage())) {
                return Locale.forLanguageTag(candidate.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(LanguageResolver.class.getName(), locale);
    }
}
