package io.rapport.tickets;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerRef;

/** Who wrote a message or made a change: a customer, an agent, or the system itself. */
public record Author(String type, Long id, String name) {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SYSTEM = "system";

    public static Author agent(AgentPrincipal agent) {
        return new Author(AGENT, agent.id(), agent.name());
    }

    public static Author customer(CustomerRef customer) {
        return new Author(CUSTOMER, customer.id(), customer.name());
    }

    public static Author system() {
        return new Author(SYSTEM, null, "Rapport");
    }

    public boolean isCustomer() {
        return CUSTOMER.equals(type);
    }

    public boolean isAgent() {
        return AGENT.equals(type);
    }
}
