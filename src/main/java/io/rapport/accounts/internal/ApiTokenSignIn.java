package io.rapport.accounts.internal;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.ApiTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** An API token sent as {@code Authorization: Bearer <token>} signs in as the agent it acts for (see ApiTokens). */
final class ApiTokenSignIn implements AuthenticationProvider {

    private final ApiTokens tokens;

    ApiTokenSignIn(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        AgentPrincipal agent = tokens.authenticate(token)
                .orElseThrow(() -> new BadCredentialsException("the API token is unknown or revoked"));
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
