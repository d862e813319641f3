package io.rapport.tickets.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.PageRequest;
import io.rapport.tickets.Channel;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer portal: open a ticket with attachments, follow one's own tickets, reply, and answer the question that
 * matters: is the problem solved? (Signing in is the accounts module's.)
 */
@Controller
class Portal {

    private final Tickets tickets;
    private final Customers customers;

    Portal(Tickets tickets, Customers customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    @GetMapping("/portal")
    String home() {
        return "redirect:/portal/tickets";
    }

    @GetMapping("/portal/tickets")
    String list(
            @AuthenticationPrincipal CustomerPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute(
                "page",
                tickets.find(TicketQuery.all(new PageRequest(Math.max(0, page), 25))
                        .withCustomer(me.id())
                        .sortedBy("-updated")));
        return "tickets/portal/tickets";
    }

    @GetMapping("/portal/tickets/new")
    String newTicket() {
        return "tickets/portal/new";
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
            return "redirect:/portal/tickets/" + ticket.number();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.field());
            redirect.addFlashAttribute("subject", subject);
            redirect.addFlashAttribute("body", body);
            return "redirect:/portal/tickets/new";
        }
    }

    /**
     * One of the customer's requests, at its number (#2875 at /portal/tickets/2875). Mails sent before carried the
     * database id; an address that is none of the customer's numbers but one of their tickets' ids leads there.
     */
    @GetMapping("/portal/tickets/{number}")
    String ticket(
            @PathVariable long number,
            @RequestParam(required = false) String answer,
            @AuthenticationPrincipal CustomerPrincipal me,
            Model model) {
        Optional<Long> found = tickets.idOfNumberFor(me.id(), number);
        if (found.isEmpty()) {
            return tickets.numberOfIdFor(me.id(), number)
                    .map(moved -> "redirect:/portal/tickets/" + moved)
                    .orElseThrow(() -> NotFound.of("ticket", "#" + number));
        }
        TicketView ticket = tickets.forCustomer(found.get(), me.id());
        if (ticket.mergedInto() != null) {
            // its conversation went on in the ticket it was merged into (always the same customer's)
            return "redirect:/portal/tickets/"
                    + tickets.summary(ticket.mergedInto()).number();
        }
        model.addAttribute(
                "ticket", ticket.withEachMessage(m -> m.showingImages(a -> "/portal/attachments/" + a.id())));
        // the answer picked by a link in the "is it solved?" mail: the page offers it, the button still decides
        if ("solved".equals(answer) || "not-solved".equals(answer)) {
            model.addAttribute("chosen", answer);
        }
        return "tickets/portal/ticket";
    }

    @PostMapping("/portal/tickets/{number}/messages")
    String reply(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal CustomerPrincipal me,
            RedirectAttributes redirect) {
        try {
            tickets.addCustomerMessage(idOf(me, number), ref(me), body, TicketApi.attachments(files));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.field());
        } catch (io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", "closed");
        }
        return "redirect:/portal/tickets/" + number;
    }

    @PostMapping("/portal/tickets/{number}/confirm")
    String confirm(
            @PathVariable long number, @AuthenticationPrincipal CustomerPrincipal me, RedirectAttributes redirect) {
        tickets.confirmSolved(idOf(me, number), ref(me));
        redirect.addFlashAttribute("answered", "confirmed");
        return "redirect:/portal/tickets/" + number;
    }

    @PostMapping("/portal/tickets/{number}/not-solved")
    String notSolved(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal CustomerPrincipal me,
            RedirectAttributes redirect) {
        try {
            tickets.rejectSolution(idOf(me, number), ref(me), comment);
            redirect.addFlashAttribute("answered", "not_solved");
        } catch (InvalidInput e) {
            // nothing was stored: the ticket is still solved, and the customer gets their words back to shorten
            redirect.addFlashAttribute("error", "comment");
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/portal/tickets/" + number;
    }

    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<Resource> attachment(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal me) {
        return AttachmentDownloads.download(tickets.attachmentForCustomer(id, me.id()));
    }

    /** The customer's own image or PDF shown in the browser; any other file is a download. */
    @GetMapping("/portal/attachments/{id}/view")
    ResponseEntity<Resource> viewAttachment(@PathVariable long id, @AuthenticationPrincipal CustomerPrincipal me) {
        return AttachmentDownloads.view(tickets.attachmentForCustomer(id, me.id()));
    }

    /** The customer's own ticket with this number; another customer's is not found. */
    private long idOf(CustomerPrincipal me, long number) {
        return tickets.idOfNumberFor(me.id(), number).orElseThrow(() -> NotFound.of("ticket", "#" + number));
    }

    private CustomerRef ref(CustomerPrincipal me) {
        return customers.ref(me.id());
    }
}
