package io.rapport.accounts;

import io.rapport.web.Authorities;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in agent (by password or API token), as Spring Security carries it. {@code credentialStamp} changes when the
 * agent's password changes, so that sessions signed in with the old one can be told apart and ended.
 */
public record AgentPrincipal(
        long id, String email, String name, Role role, String passwordHash, boolean active, String credentialStamp)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority(Authorities.STAFF));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Without the hash: safe to keep in a session or hand to views. */
    public AgentPrincipal withoutPassword() {
        return new AgentPrincipal(id, email, name, role, "", active, credentialStamp);
    }
}
