package io.rapport.accounts.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import io.rapport.web.StoredLanguages;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A signed-in agent's chosen desk language: the workspace speaks it whatever the browser says. */
@Component
class AgentDeskLanguages implements StoredLanguages {

    private final Agents agents;

    AgentDeskLanguages(Agents agents) {
        this.agents = agents;
    }

    @Override
    public Optional<String> of(Authentication signedIn) {
        if (signedIn.getPrincipal() instanceof AgentPrincipal agent) {
            try {
                return agents.deskLanguage(agent.id());
            } catch (RuntimeException e) {
                // the database is not there (an error page is being shown, say): the browser's language will do
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
