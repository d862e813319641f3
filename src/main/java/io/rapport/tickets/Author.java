package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerRef;
import jakarta.validation.constraints.NotNull;

/** Who wrote a message or made a change: a customer, an agent, or the system itself. */
public record Author(
        @NotNull AuthorType type, Long id, @NotNull String name) {

    public static Author agent(AgentPrincipal agent) {
        return new Author(AuthorType.AGENT, agent.id(), agent.name());
    }

    public static Author customer(CustomerRef customer) {
        return new Author(AuthorType.CUSTOMER, customer.id(), customer.name());
    }

    public static Author system() {
        return new Author(AuthorType.SYSTEM, null, "Rapport");
    }

    @JsonIgnore
    public boolean isCustomer() {
        return type == AuthorType.CUSTOMER;
    }

    @JsonIgnore
    public boolean isAgent() {
        return type == AuthorType.AGENT;
    }
}
