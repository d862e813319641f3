package io.rapport.tickets.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.CustomerSessions;
import io.rapport.accounts.Customers;
import io.rapport.accounts.PortalSignIn;
import io.rapport.accounts.SignInTarget;
import io.rapport.common.InvalidInput;
import io.rapport.common.PageRequest;
import io.rapport.tickets.Channel;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer portal: sign in by emailed link, open a ticket with attachments, follow one's own tickets, reply, and
 * answer the question that matters: is the problem solved?
 */
@Controller
class Portal {

    /** Where a customer may land after signing in (see SignInTarget). */
    private static final Pattern PORTAL_PAGES = Pattern.compile("/portal/tickets(/\\d+|/new)?");

    private final Tickets tickets;
    private final Customers customers;
    private final PortalSignIn signIn;
    private final CustomerSessions sessions;
    private final LocaleResolver locales;

    Portal(
            Tickets tickets,
            Customers customers,
            PortalSignIn signIn,
            CustomerSessions sessions,
            LocaleResolver locales) {
        this.tickets = tickets;
        this.customers = customers;
        this.signIn = signIn;
        this.sessions = sessions;
        this.locales = locales;
    }

    @ModelAttribute("customer")
    CustomerPrincipal customer(@AuthenticationPrincipal Object principal) {
        return principal instanceof CustomerPrincipal c ? c : null;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal Object principal) {
        return principal instanceof CustomerPrincipal ? "redirect:/portal/tickets" : "redirect:/portal/login";
    }

    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    @PostMapping("/portal/login")
    String requestLink(@RequestParam(defaultValue = "") String email, Locale locale, RedirectAttributes redirect) {
        try {
            signIn.requestLink(email, locale);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", "portal.login.invalidEmail");
            redirect.addFlashAttribute("email", email);
            return "redirect:/portal/login";
        }
        redirect.addFlashAttribute("email", email.strip());
        return "redirect:/portal/link-sent";
    }

    @GetMapping("/portal/link-sent")
    String linkSent() {
        return "portal/link-sent";
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
                    return "portal/confirm-sign-in";
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("error", "portal.login.expired");
                    return "redirect:/portal/login";
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
                    return "redirect:" + SignInTarget.wanted(request, response, PORTAL_PAGES, "/portal/tickets");
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("error", "portal.login.expired");
                    return "redirect:/portal/login";
                });
    }

    @PostMapping("/portal/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/portal/login";
    }

    @PostMapping("/portal/language")
    String language(
            @RequestParam String lang,
            @AuthenticationPrincipal Object principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (Customers.SUPPORTED_LANGUAGES.contains(lang)) {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
            if (principal instanceof CustomerPrincipal c) {
                customers.setPreferredLanguage(c.id(), lang);
            }
        }
        String back = request.getHeader("Referer");
        return "redirect:"
                + (back != null && back.contains("/portal") ? back.substring(back.indexOf("/portal")) : "/portal");
    }

    @GetMapping("/portal/tickets")
    String list(
            @AuthenticationPrincipal CustomerPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute(
                "page",
                tickets.find(new TicketQuery(
                        null,
                        null,
                        false,
                        null,
                        me.id(),
                        null,
                        null,
                        "-updated",
                        new PageRequest(Math.max(0, page), 25))));
        return "portal/tickets";
    }

    @GetMapping("/portal/tickets/new")
    String newTicket() {
        return "portal/new";
    }

    @PostMapping("/portal/tickets")
    String create(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal CustomerPrincipal me,
            RedirectAttributes redirect) {
        try {
            TicketView ticket = tickets.open(new OpenTicket(
                    subject,
                    body,
                    null,
                    me.email(),
                    me.name(),
                    Channel.WEB,
                    null,
                    null,
                    TicketApi.attachments(files),
                    null));
            redirect.addFlashAttribute("created", true);
            return "redirect:/portal/tickets/" + ticket.id();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.field());
            redirect.addFlashAttribute("subject", subject);
            redirect.addFlashAttribute("body", body);
            return "redirect:/portal/tickets/new";
        }
    }

    @GetMapping("/portal/tickets/{id}")
    String ticket(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal me, Model model) {
        model.addAttribute("ticket", tickets.forCustomer(id, me.id()));
        return "portal/ticket";
    }

    @PostMapping("/portal/tickets/{id}/messages")
    String reply(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal CustomerPrincipal me,
            RedirectAttributes redirect) {
        try {
            tickets.addCustomerMessage(id, ref(me), body, TicketApi.attachments(files));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.field());
        } catch (io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", "closed");
        }
        return "redirect:/portal/tickets/" + id;
    }

    @PostMapping("/portal/tickets/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal me, RedirectAttributes redirect) {
        tickets.confirmSolved(id, ref(me));
        redirect.addFlashAttribute("answered", "confirmed");
        return "redirect:/portal/tickets/" + id;
    }

    @PostMapping("/portal/tickets/{id}/not-solved")
    String notSolved(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal CustomerPrincipal me,
            RedirectAttributes redirect) {
        try {
            tickets.rejectSolution(id, ref(me), comment);
            redirect.addFlashAttribute("answered", "not_solved");
        } catch (InvalidInput e) {
            // nothing was stored: the ticket is still solved, and the customer gets their words back to shorten
            redirect.addFlashAttribute("error", "comment");
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/portal/tickets/" + id;
    }

    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<Resource> attachment(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal me) {
        return AttachmentDownloads.download(tickets.attachmentForCustomer(id, me.id()));
    }

    private CustomerRef ref(CustomerPrincipal me) {
        return customers.ref(me.id());
    }
}
