package io.rapport.accounts.web;

import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.LanguageLevel;
import io.rapport.accounts.Role;
import io.rapport.accounts.Teams;
import io.rapport.accounts.UpdateAgent;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin area: agents with roles, teams, skills and languages; teams; API tokens. Admin role only. */
@Controller
class AdminPages {

    private final Agents agents;
    private final Teams teams;
    private final ApiTokens tokens;
    private final PageErrors errors;

    AdminPages(Agents agents, Teams teams, ApiTokens tokens, PageErrors errors) {
        this.agents = agents;
        this.teams = teams;
        this.tokens = tokens;
        this.errors = errors;
    }

    /** What the person typed into an agent form, given back with the error so that nothing has to be typed again. */
    record AgentForm(
            String email,
            String name,
            String role,
            List<Long> teamIds,
            String languages,
            String skills,
            int tier,
            int capacity,
            boolean active) {

        public boolean inTeam(long teamId) {
            return teamIds != null && teamIds.contains(teamId);
        }
    }

    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/agents")
    String agents(Model model) {
        model.addAttribute("section", "agents");
        Map<Long, String> names = teamNames();
        model.addAttribute(
                "rows",
                agents.list().stream()
                        .map(a -> new AgentRow(
                                a, a.teamIds().stream().map(names::get).toList()))
                        .toList());
        model.addAttribute("teams", teams.list());
        return "accounts/admin/agents";
    }

    @PostMapping("/admin/agents")
    String create(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam String password,
            @RequestParam(defaultValue = "agent") String role,
            @RequestParam(required = false) List<Long> teamIds,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "1") int tier,
            @RequestParam(defaultValue = "10") int capacity,
            RedirectAttributes redirect) {
        try {
            AgentView created = agents.create(new CreateAgent(
                    email,
                    name,
                    password,
                    Codes.parse(Role.class, role, "role"),
                    teamIds,
                    languages(languages),
                    skills(skills),
                    tier,
                    capacity));
            redirect.addFlashAttribute("notice", created.name());
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute(
                    "agentForm", new AgentForm(email, name, role, teamIds, languages, skills, tier, capacity, true));
        }
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/agents/{id}")
    String agent(@PathVariable long id, Model model) {
        model.addAttribute("section", "agents");
        model.addAttribute("agent", agents.get(id));
        model.addAttribute("teams", teams.list());
        return "accounts/admin/agent";
    }

    @PostMapping("/admin/agents/{id}")
    String update(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String password,
            @RequestParam String role,
            @RequestParam(required = false) List<Long> teamIds,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam int tier,
            @RequestParam int capacity,
            @RequestParam(defaultValue = "false") boolean active,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            if (me.id() == id && (!active || !"admin".equals(role))) {
                throw new Conflict("agent.ownAdmin", "you cannot remove your own admin role or deactivate yourself");
            }
            agents.update(
                    id,
                    new UpdateAgent(
                            name,
                            password.isEmpty() ? null : password,
                            Codes.parse(Role.class, role, "role"),
                            teamIds == null ? List.of() : teamIds,
                            languages(languages),
                            skills(skills),
                            tier,
                            capacity,
                            active));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute(
                    "agentForm", new AgentForm(null, name, role, teamIds, languages, skills, tier, capacity, active));
        }
        return "redirect:/admin/agents/" + id;
    }

    @GetMapping("/admin/teams")
    String teams(Model model) {
        model.addAttribute("section", "teams");
        model.addAttribute("teams", teams.list());
        return "accounts/admin/teams";
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam String name, RedirectAttributes redirect) {
        try {
            teams.create(name);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("teamName", name);
        }
        return "redirect:/admin/teams";
    }

    /** The team setting "a reply on an unassigned ticket assigns it to the agent who replied". */
    @PostMapping("/admin/teams/{id}/reply-assigns")
    String replyAssigns(@PathVariable long id, @RequestParam(required = false) String on, RedirectAttributes redirect) {
        if (on != null && !"yes".equals(on)) {
            redirect.addFlashAttribute("error", errors.describe(new InvalidInput("on", "is ticked or not")));
            return "redirect:/admin/teams";
        }
        teams.setReplyAssigns(id, "yes".equals(on));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/teams";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("section", "tokens");
        model.addAttribute("tokens", tokens.list());
        model.addAttribute(
                "agents", agents.list().stream().filter(AgentView::active).toList());
        return "accounts/admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String createToken(
            @RequestParam String name,
            @RequestParam long agentId,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "secret", tokens.create(name, agentId, me.id()).secret());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("tokenName", name);
            redirect.addFlashAttribute("tokenAgentId", agentId);
        }
        return "redirect:/admin/tokens";
    }

    /** Revokes a token once the admin ticked that scripts using it will stop working. */
    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        try {
            io.rapport.web.FormValues.requireConfirmed(confirm);
            tokens.revoke(id);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:/admin/tokens";
    }

    /** An agent with the names of their teams, for the list. */
    record AgentRow(AgentView agent, List<String> teamNames) {}

    private Map<Long, String> teamNames() {
        return teams.list().stream().collect(Collectors.toMap(t -> t.id(), t -> t.name()));
    }

    /** "en:native, de:fluent" */
    static List<AgentLanguage> languages(String text) {
        return pairs(text, "languages").stream()
                .map(p -> new AgentLanguage(
                        p[0].toLowerCase(java.util.Locale.ROOT),
                        Codes.parse(LanguageLevel.class, p[1].toLowerCase(java.util.Locale.ROOT), "languages")))
                .toList();
    }

    /** "billing:3, cards:5" */
    static List<AgentSkill> skills(String text) {
        return pairs(text, "skills").stream()
                .map(p -> {
                    try {
                        return new AgentSkill(p[0], Integer.parseInt(p[1]));
                    } catch (NumberFormatException e) {
                        throw new InvalidInput("skills", "write skills as name:level, for example billing:3");
                    }
                })
                .toList();
    }

    private static List<String[]> pairs(String text, String field) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] pair = s.split(":");
                    if (pair.length != 2) {
                        throw new InvalidInput(field, "write each entry as name:value, separated by commas");
                    }
                    return new String[] {pair[0].strip(), pair[1].strip()};
                })
                .toList();
    }
}
