package io.rapport.routing;

import jakarta.validation.constraints.NotNull;

/**
 * How routing treats one team's tickets ({@code teamId} null: tickets of no team): push or queue, and how many minutes a
 * ticket waits for someone who fits before each widening step (fluent, basic language, a lower skill level, any
 * language) and then for the team's queue.
 */
public record TeamSetting(
        Long teamId, @NotNull AssignmentMode mode, @NotNull int waitMinutes) {}
