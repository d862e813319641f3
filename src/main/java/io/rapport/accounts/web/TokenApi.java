package io.rapport.accounts.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.ApiTokenView;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.CreatedApiToken;
import io.rapport.accounts.TokenScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens (admin only): the secret is in the answer to the create call and nowhere else, ever. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Credentials for scripts and integrations, each acting as one agent")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record CreateTokenRequest(
            @NotBlank @Size(max = 100) String name,

            @Schema(description = "the agent it acts as; yourself by default")
            Long agentId,

            @Schema(
                    description = "read is always granted; write to change things; admin for the admin calls (an"
                            + " admin's token only). Read and write when absent or empty; [\"read\"] for a token that only"
                            + " reads.")
            List<TokenScope> scopes,

            @Schema(description = "when it stops working; never by default")
            Instant expiresAt) {}

    record TokenList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ApiTokenView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createToken",
            summary = "Create a token acting as an agent (default: yourself); the secret is shown once")
    CreatedApiToken create(@Valid @RequestBody CreateTokenRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        return tokens.create(
                r.name(),
                r.agentId() == null ? me.id() : r.agentId(),
                // absent or empty (generated clients send an empty list for a field left alone): read and write
                r.scopes() == null || r.scopes().isEmpty() ? List.of(TokenScope.READ, TokenScope.WRITE) : r.scopes(),
                r.expiresAt(),
                Actor.of(me));
    }

    @GetMapping
    @Operation(operationId = "listTokens", summary = "All tokens, without secrets")
    TokenList list() {
        List<ApiTokenView> all = tokens.list();
        return new TokenList(all, all.size());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke a token at once")
    void revoke(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me) {
        tokens.revoke(id, Actor.of(me));
    }
}
