package io.rapport.accounts;

/** A language an agent can serve customers in, with a level: native, fluent or basic. */
public record AgentLanguage(String code, String level) {}
