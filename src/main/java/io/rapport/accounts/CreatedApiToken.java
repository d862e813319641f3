package io.rapport.accounts;

import jakarta.validation.constraints.NotNull;

/** A new token: the secret is shown this once and only its hash is kept. */
public record CreatedApiToken(
        @NotNull ApiTokenView token, @NotNull String secret) {}
