package io.rapport.routing.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.routing.AssignmentMode;
import io.rapport.routing.RoutingRules;
import io.rapport.routing.RoutingView;
import io.rapport.routing.Routings;
import io.rapport.routing.SkillRule;
import io.rapport.routing.TeamSetting;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Routing over JSON: why a ticket went to whom (the contract's routing call, for every agent); the skill rules and the
 * per-team push or queue setting (everyone reads them, admins change them).
 */
@RestController
@Tag(name = "Routing", description = "Who takes a ticket and why; skill rules; push or queue per team")
class RoutingApi {

    private final Routings routings;
    private final RoutingRules rules;

    RoutingApi(Routings routings, RoutingRules rules) {
        this.routings = routings;
        this.rules = rules;
    }

    @GetMapping("/api/v1/tickets/{id}/routing")
    @Operation(operationId = "ticketRouting", summary = "Why routing chose the assignee, or why the ticket waits")
    RoutingView routing(@PathVariable long id) {
        return routings.explain(id);
    }

    @GetMapping("/api/v1/routing/rules")
    @Operation(operationId = "routingRules", summary = "The rules that say which skills a ticket needs")
    List<SkillRule> rules() {
        return rules.rules();
    }

    @Schema(description = "A skill rule: the skill and level a matching ticket needs, and at least one condition")
    record RuleRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "billing")
            String skill,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5")
            Integer level,

            @Schema(description = "any of these words or phrases in the subject or first message")
            List<String> keywords,

            @Schema(description = "email, chat, web, messaging, phone or api")
            String channel,

            Long organizationId,

            @Schema(description = "a tag the ticket carries (a web form's choice arrives as one)")
            String tag) {}

    @PostMapping(path = "/api/v1/routing/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createRoutingRule",
            summary = "Add a skill rule (admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = RuleRequest.class))))
    SkillRule createRule(@RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return rules.create(
                new RoutingRules.NewRule(
                        JsonFields.text(body, "skill"),
                        JsonFields.whole(body, "level", 1, 5),
                        JsonFields.strings(body, "keywords"),
                        JsonFields.text(body, "channel"),
                        JsonFields.idOrNull(body, "organizationId"),
                        JsonFields.text(body, "tag")),
                Actor.of(agent));
    }

    @DeleteMapping("/api/v1/routing/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteRoutingRule", summary = "Remove a skill rule (admin)")
    void deleteRule(@PathVariable long id) {
        rules.delete(id);
    }

    @GetMapping("/api/v1/routing/teams")
    @Operation(operationId = "routingSettings", summary = "Push or queue, and the wait before widening, per team")
    List<TeamSetting> settings() {
        return rules.settings();
    }

    @Schema(description = "teamId null or absent: tickets of no team")
    record SettingRequest(
            Long teamId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"push", "queue"})
            String mode,

            @Schema(description = "minutes before each widening step", minimum = "0", maximum = "1440")
            Integer waitMinutes) {}

    @PutMapping(path = "/api/v1/routing/teams", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "setRoutingSetting",
            summary = "Set a team's push or queue mode and wait (admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SettingRequest.class))))
    TeamSetting set(@RequestBody JsonNode body) {
        JsonFields.object(body);
        String mode = JsonFields.text(body, "mode");
        return rules.set(
                JsonFields.idOrNull(body, "teamId"),
                mode == null ? null : Codes.parse(AssignmentMode.class, mode, "mode"),
                JsonFields.whole(body, "waitMinutes", 0, 1440));
    }
}
