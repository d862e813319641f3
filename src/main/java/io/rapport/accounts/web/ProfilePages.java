package io.rapport.accounts.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Presence;
import io.rapport.accounts.UpdateAgent;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.web.PageErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's own profile: the name colleagues and customers see, the signature below their replies, the language of
 * the desk's pages and mails for them, the password.
 */
@Controller
class ProfilePages {

    private final Agents agents;
    private final PageErrors errors;

    ProfilePages(Agents agents, PageErrors errors) {
        this.agents = agents;
        this.errors = errors;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        model.addAttribute("agent", agents.get(me.id()));
        if (!model.containsAttribute("signature")) {
            model.addAttribute("signature", agents.signature(me.id()));
        }
        model.addAttribute("deskLanguage", agents.deskLanguage(me.id()).orElse(""));
        model.addAttribute("deskLanguages", io.rapport.web.UiLanguages.SUPPORTED);
        return "accounts/profile";
    }

    @PostMapping("/profile")
    String save(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String language,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            agents.setSignature(me.id(), signature, Actor.of(me));
            agents.setDeskLanguage(me.id(), language, Actor.of(me));
            if (!name.strip().equals(agents.get(me.id()).name())) {
                agents.update(
                        me.id(), new UpdateAgent(name, null, null, null, null, null, null, null, null), Actor.of(me));
            }
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("signature", signature);
        }
        return "redirect:/profile";
    }

    /**
     * The agent sets whether they are there to take work (the header's switch; the page also sets "away" after a
     * while without activity). Answers 204 to the page's script, a redirect to the workspace to a plain form.
     */
    @PostMapping("/profile/presence")
    Object presence(
            @RequestParam(defaultValue = "") String status,
            @RequestHeader(name = "X-Requested-With", required = false) String script,
            @AuthenticationPrincipal AgentPrincipal me) {
        agents.setPresence(me.id(), Codes.parse(Presence.class, status, "status"));
        return script == null ? "redirect:/tickets" : ResponseEntity.noContent().build();
    }

    /** A new password, given the current one (a session left open must not be enough to take over the account). */
    @PostMapping("/profile/password")
    String password(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            if (!agents.passwordMatches(me.id(), current)) {
                throw new InvalidInput("currentPassword", "is not your current password");
            }
            if (!password.equals(repeat)) {
                throw new InvalidInput("repeat", "the two passwords differ");
            }
            agents.update(
                    me.id(), new UpdateAgent(null, password, null, null, null, null, null, null, null), Actor.of(me));
            return "redirect:/login?passwordSet";
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("passwordError", errors.describe(e));
        }
        return "redirect:/profile#password";
    }
}
