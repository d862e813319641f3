package io.rapport.accounts;

/** A language an agent can serve customers in (ISO 639-1 code), with a level: native, fluent or basic. */
public record AgentLanguage(String code, LanguageLevel level) {}
