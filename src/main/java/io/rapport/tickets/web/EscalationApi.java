package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.tickets.Author;
import io.rapport.tickets.Escalation;
import io.rapport.tickets.Escalations;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Handing a ticket on, with the note the receiver reads first (the contract's escalations call). */
@RestController
@RequestMapping("/api/v1/tickets/{id}/escalations")
@Tag(name = "Tickets")
class EscalationApi {

    private final Escalations escalations;

    EscalationApi(Escalations escalations) {
        this.escalations = escalations;
    }

    @Schema(description = "Exactly one of toTier, toAgentId and toTeamId, and the handoff note")
    record EscalateRequest(
            @Schema(description = "2 or 3: the ticket leaves its agent and waits for that tier")
            Integer toTier,

            @Schema(description = "a named specialist: assigned to them")
            Long toAgentId,

            @Schema(description = "a team: moved there, unassigned")
            Long toTeamId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what was tried, what is needed")
            String note) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "escalateTicket",
            summary = "Hand the ticket on to a tier, an agent or a team, with a required handoff note",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = EscalateRequest.class))))
    Escalation escalate(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        Long tier = JsonFields.idOrNull(body, "toTier");
        return escalations.escalate(
                id,
                tier == null ? null : (int) Math.min(99, tier),
                JsonFields.idOrNull(body, "toAgentId"),
                JsonFields.idOrNull(body, "toTeamId"),
                JsonFields.text(body, "note"),
                Author.agent(agent));
    }

    @GetMapping
    @Operation(operationId = "ticketEscalations", summary = "The ticket's escalations, first to last (hops)")
    List<Escalation> list(@PathVariable long id) {
        return escalations.list(id);
    }
}
