package io.rapport.accounts.web;

import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams over JSON. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams of agents that tickets are routed to")
class TeamApi {

    private final Teams teams;

    TeamApi(Teams teams) {
        this.teams = teams;
    }

    record CreateTeamRequest(@NotBlank @Size(max = 100) String name) {}

    record TeamList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<TeamView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTeam", summary = "Add a team (admin)")
    TeamView create(@Valid @RequestBody CreateTeamRequest r) {
        return teams.create(r.name());
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "All teams")
    TeamList list() {
        List<TeamView> all = teams.list();
        return new TeamList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "One team")
    TeamView get(@PathVariable long id) {
        return teams.get(id);
    }
}
