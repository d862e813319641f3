package io.rapport.accounts.web;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Invitations;
import io.rapport.common.InvalidInput;
import io.rapport.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invited agent opens from their mail to choose a password. Opening it changes nothing (mail scanners
 * open links too); the password is set only by the form. A spent or expired link says so and who can send a new one.
 */
@Controller
class InvitePages {

    static final String PAGE = "/invite";

    private final Invitations invitations;
    private final PageErrors errors;

    InvitePages(Invitations invitations, PageErrors errors) {
        this.invitations = invitations;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<AgentView> agent = invitations.pending(token);
        if (agent.isEmpty()) {
            return gone(response);
        }
        model.addAttribute("agent", agent.get());
        model.addAttribute("token", token);
        return "accounts/invite";
    }

    @PostMapping(PAGE)
    String accept(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            Model model,
            HttpServletResponse response) {
        Optional<AgentView> agent = invitations.pending(token);
        if (agent.isEmpty()) {
            return gone(response);
        }
        try {
            if (!password.equals(repeat)) {
                throw new InvalidInput("repeat", "the two passwords differ");
            }
            if (invitations.accept(token, password).isEmpty()) {
                return gone(response);
            }
            return "redirect:/login?passwordSet";
        } catch (InvalidInput e) {
            model.addAttribute("agent", agent.get());
            model.addAttribute("token", token);
            model.addAttribute("error", errors.describe(e));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "accounts/invite";
        }
    }

    /** A link that no longer works is a page that is gone (410), not an error of the desk. */
    private static String gone(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "accounts/invite-gone";
    }
}
