package io.rapport.accounts.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.accounts.Customers;
import io.rapport.web.StoredLanguages;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A signed-in customer's stored language: the customer area speaks it whatever the browser says. */
@Component
class CustomerLanguages implements StoredLanguages {

    private final Customers customers;

    CustomerLanguages(Customers customers) {
        this.customers = customers;
    }

    @Override
    public Optional<String> of(Authentication signedIn) {
        if (signedIn.getPrincipal() instanceof CustomerPrincipal customer) {
            return Optional.ofNullable(customers.ref(customer.id()).preferredLanguage());
        }
        return Optional.empty();
    }
}
