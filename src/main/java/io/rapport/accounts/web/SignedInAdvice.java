package io.rapport.accounts.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts who is signed in into every page's model for the page headers: {@code me} (an agent) or {@code customer}. */
@ControllerAdvice(annotations = Controller.class)
class SignedInAdvice {

    @ModelAttribute("me")
    AgentPrincipal me(@AuthenticationPrincipal Object principal) {
        return principal instanceof AgentPrincipal agent ? agent.withoutPassword() : null;
    }

    @ModelAttribute("customer")
    CustomerPrincipal customer(@AuthenticationPrincipal Object principal) {
        return principal instanceof CustomerPrincipal customer ? customer : null;
    }
}
