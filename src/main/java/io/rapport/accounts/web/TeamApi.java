package io.rapport.accounts.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Teams over JSON: everyone reads them; admins create, rename, deactivate and staff them (each change audited). */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams of agents that tickets are routed to")
class TeamApi {

    private final Teams teams;

    TeamApi(Teams teams) {
        this.teams = teams;
    }

    record CreateTeamRequest(@NotBlank @Size(max = 100) String name) {}

    @Schema(description = "Any subset")
    record ChangeTeamRequest(
            @Size(min = 1, max = 100) String name,

            @Schema(description = "false: the team takes no new tickets and keeps the ones it has")
            Boolean active,

            @Schema(description = "whether an agent's reply on an unassigned ticket of the team assigns it to them")
            Boolean replyAssigns) {}

    record TeamList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<TeamView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTeam", summary = "Add a team (admin)")
    TeamView create(@Valid @RequestBody CreateTeamRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        return teams.create(r.name(), Actor.of(me));
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "All teams, inactive ones included")
    TeamList list() {
        List<TeamView> all = teams.list();
        return new TeamList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "One team")
    TeamView get(@PathVariable long id) {
        return teams.get(id);
    }

    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeTeam",
            summary = "Rename, deactivate or reactivate a team, or change its settings (admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ChangeTeamRequest.class))))
    TeamView change(@PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal me) {
        JsonFields.object(body);
        return teams.change(
                id,
                JsonFields.text(body, "name"),
                JsonFields.flag(body, "active"),
                JsonFields.flag(body, "replyAssigns"),
                Actor.of(me));
    }

    @PutMapping("/{id}/members/{agentId}")
    @Operation(operationId = "addTeamMember", summary = "Add an agent to the team (admin)")
    TeamView addMember(@PathVariable long id, @PathVariable long agentId, @AuthenticationPrincipal AgentPrincipal me) {
        return teams.addMember(id, agentId, Actor.of(me));
    }

    @DeleteMapping("/{id}/members/{agentId}")
    @Operation(operationId = "removeTeamMember", summary = "Take an agent out of the team (admin)")
    TeamView removeMember(
            @PathVariable long id, @PathVariable long agentId, @AuthenticationPrincipal AgentPrincipal me) {
        return teams.removeMember(id, agentId, Actor.of(me));
    }
}
