package io.rapport.accounts;

import java.util.Set;

/**
 * A live API token as the sign-in sees it: the agent it acts as (as a supervisor at most when the token lacks the admin
 * scope) and its scopes.
 */
public record SignedInToken(AgentPrincipal agent, Set<TokenScope> scopes) {

    public boolean mayWrite() {
        return scopes.contains(TokenScope.WRITE);
    }
}
