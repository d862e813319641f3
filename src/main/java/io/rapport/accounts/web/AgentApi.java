package io.rapport.accounts.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.Invitations;
import io.rapport.accounts.Presence;
import io.rapport.accounts.Role;
import io.rapport.accounts.UpdateAgent;
import io.rapport.accounts.WorkingHours;
import io.rapport.common.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents over JSON. Admins add and change agents; an agent may change their own name, password and presence. */
@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "The people who answer customers")
class AgentApi {

    private final Agents agents;
    private final Invitations invitations;

    AgentApi(Agents agents, Invitations invitations) {
        this.agents = agents;
        this.invitations = invitations;
    }

    @Schema(description = "A new agent; the password is never shown again")
    record CreateAgentRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,

            @Size(min = 10, max = 200)
            @Schema(description = "without one, the agent is mailed a link to choose their own (valid for a week)")
            String password,

            @Schema(description = "agent by default") Role role,
            List<@NotNull Long> teamIds,
            List<@NotNull @Valid AgentLanguage> languages,
            List<@NotNull @Valid AgentSkill> skills,

            @Min(1) @Max(3) @Schema(description = "1 by default")
            Integer tier,

            @Min(0) @Max(1000) @Schema(description = "open tickets at once; 10 by default")
            Integer capacity) {}

    @Schema(
            description = "Any subset. An agent may change their own name and password (giving the current one);"
                    + " everything else is for admins.")
    record UpdateAgentRequest(
            @Size(min = 1, max = 200) String name,
            @Size(min = 10, max = 200) String password,
            Role role,
            List<@NotNull Long> teamIds,
            List<@NotNull @Valid AgentLanguage> languages,
            List<@NotNull @Valid AgentSkill> skills,
            @Min(1) @Max(3) Integer tier,
            @Min(0) @Max(1000) Integer capacity,
            Boolean active,
            @Size(max = 200) String currentPassword) {

        boolean onlyPersonal() {
            return role == null
                    && teamIds == null
                    && languages == null
                    && skills == null
                    && tier == null
                    && capacity == null
                    && active == null;
        }
    }

    record PresenceRequest(@NotNull Presence status) {}

    record AgentList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<AgentView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAgent", summary = "Add an agent (admin)")
    AgentView create(
            @Valid @RequestBody CreateAgentRequest r, @AuthenticationPrincipal AgentPrincipal me, Locale locale) {
        return agents.create(
                new CreateAgent(
                        r.email(),
                        r.name(),
                        r.password(),
                        r.role() == null ? Role.AGENT : r.role(),
                        r.teamIds(),
                        r.languages(),
                        r.skills(),
                        r.tier(),
                        r.capacity()),
                Actor.of(me),
                locale);
    }

    @PostMapping("/{id}/invite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "inviteAgent",
            summary = "Mail the agent a new link to choose their password (admin); older links stop working")
    void invite(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me, Locale locale) {
        if (!me.isAdmin()) {
            throw new Forbidden("only admins invite agents");
        }
        invitations.invite(id, Actor.of(me), locale);
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "All agents")
    AgentList list() {
        List<AgentView> all = agents.list();
        return new AgentList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgent", summary = "One agent")
    AgentView get(@PathVariable long id) {
        return agents.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(
            operationId = "changeAgent",
            summary = "Change an agent (admin; agents may change their own name and password)")
    AgentView update(
            @PathVariable long id,
            @Valid @RequestBody UpdateAgentRequest r,
            @AuthenticationPrincipal AgentPrincipal me) {
        if (!me.isAdmin() && !(me.id() == id && r.onlyPersonal())) {
            throw new Forbidden("only admins can change other agents, roles, teams, skills or capacity");
        }
        if (me.id() == id
                && (Boolean.FALSE.equals(r.active()) || (r.role() != null && r.role() != Role.ADMIN && me.isAdmin()))) {
            throw new io.rapport.common.InvalidInput(
                    "role", "you cannot remove your own admin role or deactivate yourself");
        }
        if (me.id() == id && r.password() != null && !agents.passwordMatches(id, r.currentPassword())) {
            // a leaked API token must not be enough to take over the agent's password
            throw new io.rapport.common.InvalidInput("currentPassword", "is required to change your own password");
        }
        return agents.update(
                id,
                new UpdateAgent(
                        r.name(),
                        r.password(),
                        r.role(),
                        r.teamIds(),
                        r.languages(),
                        r.skills(),
                        r.tier(),
                        r.capacity(),
                        r.active()),
                Actor.of(me));
    }

    @Schema(description = "When the agent works (null: any time) and how many chats they take at once")
    record ScheduleRequest(
            @Schema(description = "0 to 20; 2 by default") Integer chatCapacity,

            @Schema(
                    description = "a time zone and opening hours per weekday, as a calendar: {\"timezone\":"
                            + "\"Europe/Berlin\",\"hours\":{\"mon\":[\"09:00-17:00\"]}}; null: any time")
            WorkingHours workingHours) {}

    @PutMapping("/{id}/schedule")
    @Operation(
            operationId = "setAgentSchedule",
            summary = "Set working hours and chat capacity (the agent themselves, or an admin); routing offers work"
                    + " only within the hours")
    AgentView schedule(
            @PathVariable long id, @RequestBody ScheduleRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        if (me.id() != id && !me.isAdmin()) {
            throw new Forbidden("agents set only their own working hours; admins anyone's");
        }
        AgentView agent = agents.get(id);
        return agents.setSchedule(
                id, r.workingHours(), r.chatCapacity() == null ? agent.chatCapacity() : r.chatCapacity(), Actor.of(me));
    }

    @PutMapping("/{id}/presence")
    @Operation(
            operationId = "setAgentPresence",
            summary = "Set presence: online, away or offline (the agent, a supervisor or an admin)")
    AgentView presence(
            @PathVariable long id, @Valid @RequestBody PresenceRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        if (me.id() != id && me.role() == Role.AGENT) {
            throw new Forbidden("agents can set only their own presence");
        }
        return agents.setPresence(id, r.status());
    }
}
