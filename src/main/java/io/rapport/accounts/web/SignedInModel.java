package io.rapport.accounts.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CustomerPrincipal;
import io.rapport.web.Area;
import io.rapport.web.PageModel;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts who is signed in into every page's model for the page headers: {@code me} (an agent, with {@code myPresence})
 * or {@code customer}.
 */
@Component
class SignedInModel implements PageModel {

    private final Agents agents;

    SignedInModel(Agents agents) {
        this.agents = agents;
    }

    @Override
    public void contribute(Area area, Map<String, Object> model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth == null ? null : auth.getPrincipal();
        model.put("me", principal instanceof AgentPrincipal agent ? agent.withoutPassword() : null);
        if (principal instanceof AgentPrincipal agent && area == Area.STAFF) {
            model.put("myPresence", agents.presence(agent.id()).code());
        }
        model.put("customer", principal instanceof CustomerPrincipal customer ? customer : null);
    }
}
