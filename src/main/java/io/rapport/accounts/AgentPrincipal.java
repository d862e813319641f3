package io.rapport.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in agent (by password or API token), as Spring Security carries it. */
public record AgentPrincipal(long id, String email, String name, Role role, String passwordHash, boolean active)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority("ROLE_STAFF"));
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
        return new AgentPrincipal(id, email, name, role, "", active);
    }
}
