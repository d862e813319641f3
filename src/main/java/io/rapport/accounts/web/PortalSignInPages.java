package io.rapport.accounts.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.Customers;
import io.rapport.accounts.PortalSignIn;
import io.rapport.common.InvalidInput;
import io.rapport.web.Area;
import io.rapport.web.UiLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How customers sign in to the customer area: ask for a link by email, open it, confirm; and sign out, and choose the
 * language of the pages. After signing in, the customer lands on the page they asked for, or the area's home.
 */
@Controller
class PortalSignInPages {

    static final String LOGIN = "/portal/login";
    /** The customer area's pages anyone may open. */
    static final String[] PUBLIC = {LOGIN, "/portal/auth", "/portal/link-sent", "/portal/language"};

    private static final String HOME = "/portal";

    private final PortalSignIn signIn;
    private final Customers customers;
    private final CustomerSessions sessions;
    private final LocaleResolver locales;

    PortalSignInPages(PortalSignIn signIn, Customers customers, CustomerSessions sessions, LocaleResolver locales) {
        this.signIn = signIn;
        this.customers = customers;
        this.sessions = sessions;
        this.locales = locales;
    }

    @GetMapping(LOGIN)
    String login(@AuthenticationPrincipal Object principal) {
        return principal instanceof CustomerPrincipal ? "redirect:" + HOME : "accounts/portal/login";
    }

    @PostMapping(LOGIN)
    String requestLink(@RequestParam(defaultValue = "") String email, Locale locale, RedirectAttributes redirect) {
        try {
            signIn.requestLink(email, locale);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", "portal.login.invalidEmail");
            redirect.addFlashAttribute("email", email);
            return "redirect:" + LOGIN;
        }
        redirect.addFlashAttribute("email", email.strip());
        return "redirect:/portal/link-sent";
    }

    @GetMapping("/portal/link-sent")
    String linkSent() {
        return "accounts/portal/link-sent";
    }

    /**
     * Opening the emailed link only asks to confirm: mail security scanners open links before the customer does, and a
     * GET that spent the single-use link would leave the customer with a dead one.
     */
    @GetMapping("/portal/auth")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, RedirectAttributes redirect) {
        return signIn.pending(token)
                .map(email -> {
                    model.addAttribute("email", email);
                    model.addAttribute("token", token);
                    return "accounts/portal/confirm-sign-in";
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("error", "portal.login.expired");
                    return "redirect:" + LOGIN;
                });
    }

    @PostMapping("/portal/auth")
    String redeem(
            @RequestParam(defaultValue = "") String token,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return signIn.redeem(token, locale)
                .map(c -> {
                    sessions.signIn(c, request, response);
                    return "redirect:" + SignInTarget.wanted(request, response, Area.CUSTOMER, HOME);
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("error", "portal.login.expired");
                    return "redirect:" + LOGIN;
                });
    }

    @PostMapping("/portal/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:" + LOGIN;
    }

    /** Remembers the chosen language (and stores it for a signed-in customer), then shows the same page again. */
    @PostMapping("/portal/language")
    String language(
            @RequestParam(defaultValue = "") String lang,
            @AuthenticationPrincipal Object principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (UiLanguages.supported(lang)) {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
            if (principal instanceof CustomerPrincipal c) {
                customers.setPreferredLanguage(c.id(), lang);
            }
        }
        return "redirect:" + backInCustomerArea(request.getHeader("Referer"));
    }

    /** The customer-area page the request came from (path and query only), or the area's home. */
    static String backInCustomerArea(String referer) {
        if (referer == null) {
            return HOME;
        }
        try {
            URI from = URI.create(referer);
            String path = from.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || !Area.CUSTOMER.contains(path)) {
                return HOME;
            }
            return UriComponentsBuilder.fromPath(path)
                    .query(from.getRawQuery())
                    .build(true)
                    .toUriString();
        } catch (IllegalArgumentException e) {
            return HOME;
        }
    }
}
