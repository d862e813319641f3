package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.tickets.Author;
import io.rapport.tickets.Collaboration;
import io.rapport.tickets.Tickets;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ticket page's related tickets and the follow button: each a small form that comes back to the ticket. */
@Controller
class CollaborationPages {

    private final Collaboration collaboration;
    private final Tickets tickets;
    private final PageErrors errors;

    CollaborationPages(Collaboration collaboration, Tickets tickets, PageErrors errors) {
        this.collaboration = collaboration;
        this.tickets = tickets;
        this.errors = errors;
    }

    /** Links the ticket with the one whose number was typed ("#1042" or "1042"). */
    @PostMapping("/tickets/{number}/links")
    String link(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String related,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        long id = idOf(number);
        try {
            long typed = FormValues.number(related, "related", "must be a ticket number");
            long relatedId =
                    tickets.idOfNumber(typed).orElseThrow(() -> new InvalidInput("related", "no ticket #" + typed));
            collaboration.link(id, relatedId, Author.agent(me));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("relatedError", errors.describe(e));
            redirect.addFlashAttribute("relatedTyped", related);
        }
        return "redirect:/tickets/" + number + "#related";
    }

    @PostMapping("/tickets/{number}/links/remove")
    String unlink(
            @PathVariable long number,
            @RequestParam long relatedId,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        collaboration.unlink(idOf(number), relatedId, Author.agent(me));
        return "redirect:/tickets/" + number + "#related";
    }

    /** Follows the ticket ({@code follow=yes}) or stops following it ({@code follow=no}). */
    @PostMapping("/tickets/{number}/follow")
    String follow(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String follow,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        long id = idOf(number);
        switch (follow) {
            case "yes" -> collaboration.follow(id, me.id());
            case "no" -> collaboration.unfollow(id, me.id());
            default ->
                redirect.addFlashAttribute("relatedError", errors.describe(new InvalidInput("follow", "is yes or no")));
        }
        return "redirect:/tickets/" + number + "#related";
    }

    private long idOf(long number) {
        return tickets.idOfNumber(number).orElseThrow(() -> NotFound.of("ticket", "#" + number));
    }
}
