package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A language an agent can serve customers in (ISO 639-1 code), with a level: native, fluent or basic. */
public record AgentLanguage(
        @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639-1 code such as en or de")
        String code,

        @NotNull LanguageLevel level) {}
