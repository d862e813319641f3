package io.rapport.accounts.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Agents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agent's session reflects the agent as they are now: deactivated agents, and sessions signed in with a password
 * that has since changed (reset by an admin or by the agent), are signed out at their next request; a changed role or
 * name takes effect at once instead of when the session ends.
 */
class AgentSessionCheck extends OncePerRequestFilter {

    private final Agents agents;
    private final HttpSessionSecurityContextRepository agentContexts = new HttpSessionSecurityContextRepository();

    AgentSessionCheck(Agents agents) {
        this.agents = agents;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal signedIn) {
            Optional<AgentPrincipal> now = agents.principal(signedIn.id())
                    .filter(AgentPrincipal::active)
                    .filter(a -> a.credentialStamp().equals(signedIn.credentialStamp()));
            if (now.isEmpty()) {
                // only the agent's sign-in goes; a customer's portal sign-in in the same browser is not theirs to end
                var empty = SecurityContextHolder.createEmptyContext();
                SecurityContextHolder.setContext(empty);
                agentContexts.saveContext(empty, request, response);
                response.sendRedirect("/login?signedOut");
                return;
            }
            if (now.get().role() != signedIn.role() || !now.get().name().equals(signedIn.name())) {
                AgentPrincipal fresh = now.get().withoutPassword();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                agentContexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
