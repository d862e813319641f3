package io.rapport.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill with a level from 1 (beginner) to 5 (specialist). */
public record AgentSkill(
        @NotBlank @Size(max = 80) String name,
        @Min(1) @Max(5) int level) {}
