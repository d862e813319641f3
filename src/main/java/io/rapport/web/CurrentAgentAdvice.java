package io.rapport.web;

import io.rapport.accounts.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in agent (if any) into every page's model for the shared header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentAgentAdvice {

    @ModelAttribute("me")
    AgentPrincipal me(@AuthenticationPrincipal Object principal) {
        return principal instanceof AgentPrincipal agent ? agent.withoutPassword() : null;
    }
}
