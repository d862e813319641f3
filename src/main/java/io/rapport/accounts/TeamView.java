package io.rapport.accounts;

import java.time.Instant;

/** A team of agents that tickets can be routed to. */
public record TeamView(long id, String name, int memberCount, Instant createdAt) {}
