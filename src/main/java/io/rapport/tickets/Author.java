package io.rapport.tickets;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerRef;

/** Who wrote a message or made a change: a customer, an agent, or the system itself. */
public record Author(AuthorType type, Long id, String name) {

    public static Author agent(AgentPrincipal agent) {
        return new Author(AuthorType.AGENT, agent.id(), agent.name());
    }

    public static Author customer(CustomerRef customer) {
        return new Author(AuthorType.CUSTOMER, customer.id(), customer.name());
    }

    public static Author system() {
        return new Author(AuthorType.SYSTEM, null, "Rapport");
    }

    public boolean isCustomer() {
        return type == AuthorType.CUSTOMER;
    }

    public boolean isAgent() {
        return type == AuthorType.AGENT;
    }
}
