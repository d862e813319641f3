package io.rapport.accounts.web;

import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Agents")
class TeamApi {

    private final Teams teams;

    TeamApi(Teams teams) {
        this.teams = teams;
    }

    record CreateTeamRequest(String name) {}

    record TeamList(List<TeamView> items, long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a team (admin)")
    TeamView create(@RequestBody CreateTeamRequest r) {
        return teams.create(r.name());
    }

    @GetMapping
    @Operation(summary = "All teams")
    TeamList list() {
        List<TeamView> all = teams.list();
        return new TeamList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team")
    TeamView get(@PathVariable long id) {
        return teams.get(id);
    }
}
