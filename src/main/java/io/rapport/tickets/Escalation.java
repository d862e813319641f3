package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A ticket handed on: by whom, from whom, to a tier, a named agent or a team (exactly one), with the handoff note the
 * receiver reads first. {@code hop} counts the hands it has passed through (1 for the first escalation).
 */
public record Escalation(
        @NotNull long id,
        @NotNull long ticketId,
        @NotNull int hop,
        @NotNull String byName,
        Long fromAgentId,
        Integer toTier,
        Long toAgentId,
        Long toTeamId,
        @NotNull String note,
        @NotNull Instant createdAt) {}
