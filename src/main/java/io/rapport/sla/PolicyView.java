package io.rapport.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * An SLA policy: the targets, in business minutes on its calendar (none: around the clock), for the tickets it applies
 * to. {@code priority} and {@code organizationId} narrow it; the most specific active policy applies to a ticket
 * (organization and priority, then organization, then priority, then one with neither; the oldest among equals).
 */
public record PolicyView(
        @NotNull long id,
        @NotNull String name,
        String priority,
        Long organizationId,
        @NotNull int firstResponseMinutes,
        Integer nextResponseMinutes,
        @NotNull int solutionMinutes,
        Long calendarId,
        @NotNull boolean active,
        @NotNull Instant createdAt) {}
