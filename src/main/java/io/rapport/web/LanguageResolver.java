package io.rapport.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.Customers;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page speaks: a signed-in customer's stored preference first, then the language the visitor chose
 * (cookie), then the browser's Accept-Language among the supported ones, else English.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "rapport-lang";

    private final Customers customers;

    LanguageResolver(Customers customers) {
        this.customers = customers;
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
        if (auth != null && auth.getPrincipal() instanceof CustomerPrincipal customer) {
            String preferred = customers.ref(customer.id()).preferredLanguage();
            if (preferred != null) {
                return Locale.forLanguageTag(preferred);
            }
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && Customers.SUPPORTED_LANGUAGES.contains(cookie.getValue())) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        var languages = request.getLocales();
        while (languages.hasMoreElements()) {
            Locale candidate = languages.nextElement();
            if (Customers.SUPPORTED_LANGUAGES.contains(candidate.getLanguage())) {
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
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(LanguageResolver.class.getName(), locale);
    }
}
