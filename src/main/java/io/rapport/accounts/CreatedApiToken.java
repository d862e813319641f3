package io.rapport.accounts;

/** A new token: the secret is shown this once and only its hash is kept. */
public record CreatedApiToken(ApiTokenView token, String secret) {}
