package io.rapport.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent sign-in page; a signed-in agent goes straight to the workspace. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login(Authentication auth) {
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.isAuthenticated()) {
            return "redirect:/tickets";
        }
        return "login";
    }
}
