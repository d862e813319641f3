package io.rapport.accounts.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent sign-in page; a signed-in agent goes straight to the workspace. */
@Controller
class AgentSignIn {

    @GetMapping("/login")
    String login(Authentication auth) {
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.isAuthenticated()) {
            return "redirect:/";
        }
        return "accounts/login";
    }
}
