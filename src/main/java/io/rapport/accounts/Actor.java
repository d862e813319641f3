package io.rapport.accounts;

/** Who made a change outside tickets, for the audit log: an agent (id and name) or the desk itself (no id). */
public record Actor(Long id, String name) {

    public static Actor of(AgentPrincipal agent) {
        return new Actor(agent.id(), agent.name());
    }

    public static Actor system() {
        return new Actor(null, "Rapport");
    }
}
