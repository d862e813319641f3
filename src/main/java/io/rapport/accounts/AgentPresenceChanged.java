package io.rapport.accounts;

/** An agent's presence changed (routing offers waiting tickets to someone who comes online). */
public record AgentPresenceChanged(long agentId, Presence from, Presence to) {}
