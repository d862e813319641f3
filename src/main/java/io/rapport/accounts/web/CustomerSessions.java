package io.rapport.accounts.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.CustomerRef;
import io.rapport.web.Authorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Customer sign-in state, kept under its own session attribute so that a customer session and an agent session never
 * stand in for each other, even in one browser.
 */
@Component
class CustomerSessions {

    private static final String ATTRIBUTE = "RAPPORT_CUSTOMER_SECURITY_CONTEXT";

    private final HttpSessionSecurityContextRepository repository;

    CustomerSessions() {
        repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(ATTRIBUTE);
    }

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    void signIn(CustomerRef customer, HttpServletRequest request, HttpServletResponse response) {
        // A new session id on sign-in (no fixation); a link opened in a fresh browser has no session yet.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new CustomerPrincipal(customer.id(), customer.email(), customer.name()),
                null,
                List.of(new SimpleGrantedAuthority(Authorities.CUSTOMER))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    void signOut(HttpServletRequest request, HttpServletResponse response) {
        var empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        repository.saveContext(empty, request, response);
    }
}
