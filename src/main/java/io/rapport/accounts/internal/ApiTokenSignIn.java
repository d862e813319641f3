package io.rapport.accounts.internal;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.SignedInToken;
import io.rapport.web.Authorities;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * An API token sent as {@code Authorization: Bearer <token>} signs in as the agent it acts for (see ApiTokens); a token
 * without the write scope is marked read-only, and accounts' ReadOnlyTokens filter refuses it anything but reading.
 */
final class ApiTokenSignIn implements AuthenticationProvider {

    private final ApiTokens tokens;

    ApiTokenSignIn(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        SignedInToken signedIn = tokens.authenticate(token)
                .orElseThrow(() -> new BadCredentialsException("the API token is unknown, expired or revoked"));
        AgentPrincipal agent = signedIn.agent();
        List<GrantedAuthority> authorities = new ArrayList<>(agent.getAuthorities());
        if (!signedIn.mayWrite()) {
            authorities.add(new SimpleGrantedAuthority(Authorities.READ_ONLY));
        }
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
