package io.rapport.accounts.web;

import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.Presence;
import io.rapport.accounts.Role;
import io.rapport.accounts.UpdateAgent;
import io.rapport.common.Codes;
import io.rapport.common.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = "Agents")
class AgentApi {

    private final Agents agents;

    AgentApi(Agents agents) {
        this.agents = agents;
    }

    record CreateAgentRequest(
            String email,
            String name,
            String password,
            String role,
            List<Long> teamIds,
            List<AgentLanguage> languages,
            List<AgentSkill> skills,
            Integer tier,
            Integer capacity) {}

    record UpdateAgentRequest(
            String name,
            String password,
            String role,
            List<Long> teamIds,
            List<AgentLanguage> languages,
            List<AgentSkill> skills,
            Integer tier,
            Integer capacity,
            Boolean active,
            String currentPassword) {

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

    record PresenceRequest(String status) {}

    record AgentList(List<AgentView> items, long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an agent (admin)")
    AgentView create(@RequestBody CreateAgentRequest r) {
        return agents.create(new CreateAgent(
                r.email(),
                r.name(),
                r.password(),
                r.role() == null ? Role.AGENT : role(r.role()),
                r.teamIds(),
                r.languages(),
                r.skills(),
                r.tier(),
                r.capacity()));
    }

    @GetMapping
    @Operation(summary = "All agents")
    AgentList list() {
        List<AgentView> all = agents.list();
        return new AgentList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent")
    AgentView get(@PathVariable long id) {
        return agents.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an agent (admin; agents may change their own name and password)")
    AgentView update(
            @PathVariable long id, @RequestBody UpdateAgentRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        if (!me.isAdmin() && !(me.id() == id && r.onlyPersonal())) {
            throw new Forbidden("only admins can change other agents, roles, teams, skills or capacity");
        }
        if (me.id() == id
                && (Boolean.FALSE.equals(r.active())
                        || (r.role() != null && !"admin".equals(r.role()) && me.isAdmin()))) {
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
                        r.role() == null ? null : role(r.role()),
                        r.teamIds(),
                        r.languages(),
                        r.skills(),
                        r.tier(),
                        r.capacity(),
                        r.active()));
    }

    @PutMapping("/{id}/presence")
    @Operation(summary = "Set presence: online, away or offline (the agent, a supervisor or an admin)")
    AgentView presence(
            @PathVariable long id, @RequestBody PresenceRequest r, @AuthenticationPrincipal AgentPrincipal me) {
        if (me.id() != id && me.role() == Role.AGENT) {
            throw new Forbidden("agents can set only their own presence");
        }
        return agents.setPresence(id, Codes.parse(Presence.class, r.status(), "status"));
    }

    private static Role role(String code) {
        return Codes.parse(Role.class, code, "role");
    }
}
