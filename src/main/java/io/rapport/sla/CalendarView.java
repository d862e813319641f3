package io.rapport.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A business-hours calendar as stored: the contract's body with its id. */
public record CalendarView(
        @NotNull long id,
        @NotNull String name,
        @NotNull String timezone,
        @NotNull Map<String, List<String>> hours,
        @NotNull List<String> holidays,
        @NotNull Instant createdAt) {}
