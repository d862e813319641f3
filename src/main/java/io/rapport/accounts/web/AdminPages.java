package io.rapport.accounts.web;

import io.rapport.accounts.AccountLog;
import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.ApiTokens;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.Invitations;
import io.rapport.accounts.LanguageLevel;
import io.rapport.accounts.Role;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.accounts.TokenScope;
import io.rapport.accounts.UpdateAgent;
import io.rapport.accounts.WorkingHours;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

/**
 * The admin area: agents with roles, teams, skills and languages (added with a password or invited by mail); teams
 * with their members; API tokens with scopes and expiry; the audit log of all of it. Admin role only.
 */
@Controller
class AdminPages {

    private final Agents agents;
    private final Teams teams;
    private final ApiTokens tokens;
    private final Invitations invitations;
    private final AccountLog log;
    private final PageErrors errors;
    private final Clock clock;

    AdminPages(
            Agents agents,
            Teams teams,
            ApiTokens tokens,
            Invitations invitations,
            AccountLog log,
            PageErrors errors,
            Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.tokens = tokens;
        this.invitations = invitations;
        this.log = log;
        this.errors = errors;
        this.clock = clock;
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
        model.addAttribute("teams", teams.offered(null));
        model.addAttribute("invited", invitations.waiting());
        return "accounts/admin/agents";
    }

    @PostMapping("/admin/agents")
    String create(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "agent") String role,
            @RequestParam(required = false) List<Long> teamIds,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "1") int tier,
            @RequestParam(defaultValue = "10") int capacity,
            @AuthenticationPrincipal AgentPrincipal me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            AgentView created = agents.create(
                    new CreateAgent(
                            email,
                            name,
                            password,
                            Codes.parse(Role.class, role, "role"),
                            teamIds,
                            languages(languages),
                            skills(skills),
                            tier,
                            capacity),
                    Actor.of(me),
                    locale);
            redirect.addFlashAttribute("notice", created.name());
            redirect.addFlashAttribute("invitedNow", password.isEmpty() ? created.email() : null);
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
        AgentView agent = agents.get(id);
        model.addAttribute("agent", agent);
        model.addAttribute(
                "teams",
                teams.list().stream()
                        .filter(t -> t.active() || agent.teamIds().contains(t.id()))
                        .toList());
        model.addAttribute("invited", invitations.waiting().contains(id));
        return "accounts/admin/agent";
    }

    /** Working hours (a time zone and hours per weekday; all days empty: any time) and chat capacity. */
    @PostMapping("/admin/agents/{id}/schedule")
    String schedule(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String timezone,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "2") int chatCapacity,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        Map<String, List<String>> hours = new java.util.LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            String typed = form.getOrDefault("hours." + day, "").strip();
            if (!typed.isEmpty()) {
                hours.put(
                        day, Arrays.stream(typed.split(",")).map(String::strip).toList());
            }
        }
        try {
            agents.setSchedule(
                    id,
                    hours.isEmpty() && timezone.isBlank() ? null : new WorkingHours(timezone, hours),
                    chatCapacity,
                    Actor.of(me));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:/admin/agents/" + id + "#schedule";
    }

    /** Mails the agent a new link to choose their password; older links stop working. */
    @PostMapping("/admin/agents/{id}/invite")
    String invite(
            @PathVariable long id,
            @AuthenticationPrincipal AgentPrincipal me,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            invitations.invite(id, Actor.of(me), locale);
            redirect.addFlashAttribute("invitedNow", agents.get(id).email());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:/admin/agents/" + id;
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
                            active),
                    Actor.of(me));
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
    String createTeam(
            @RequestParam String name, @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        try {
            TeamView team = teams.create(name, Actor.of(me));
            return "redirect:/admin/teams/" + team.id();
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("teamName", name);
        }
        return "redirect:/admin/teams";
    }

    /** One team: its name, whether it takes tickets, its setting, and its members. */
    @GetMapping("/admin/teams/{id}")
    String team(@PathVariable long id, Model model) {
        model.addAttribute("section", "teams");
        TeamView team = teams.get(id);
        List<AgentView> members = teams.members(id);
        model.addAttribute("team", team);
        model.addAttribute("members", members);
        model.addAttribute(
                "others",
                agents.list().stream()
                        .filter(a -> a.active() && !a.teamIds().contains(id))
                        .toList());
        model.addAttribute(
                "history",
                log.recent("team", null, 200).items().stream()
                        .filter(e -> e.subjectId() == id)
                        .limit(20)
                        .toList());
        return "accounts/admin/team";
    }

    /** Renames the team, (de)activates it and sets "a reply assigns": one form, only changed fields are written. */
    @PostMapping("/admin/teams/{id}")
    String changeTeam(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) String replyAssigns,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            teams.change(id, name, ticked(active, "active"), ticked(replyAssigns, "replyAssigns"), Actor.of(me));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("teamName", name);
        }
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/members")
    String addMember(
            @PathVariable long id,
            @RequestParam long agentId,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        return onTeam(id, () -> teams.addMember(id, agentId, Actor.of(me)), redirect);
    }

    @PostMapping("/admin/teams/{id}/members/remove")
    String removeMember(
            @PathVariable long id,
            @RequestParam long agentId,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        return onTeam(id, () -> teams.removeMember(id, agentId, Actor.of(me)), redirect);
    }

    /** A change on the team's page: saved, or the reason it was not; back to the page either way. */
    private String onTeam(long id, Runnable change, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:/admin/teams/" + id;
    }

    /** The team setting "a reply on an unassigned ticket assigns it to the agent who replied", from the team list. */
    @PostMapping("/admin/teams/{id}/reply-assigns")
    String replyAssigns(
            @PathVariable long id,
            @RequestParam(required = false) String on,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            teams.setReplyAssigns(id, ticked(on, "on"), Actor.of(me));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:/admin/teams";
    }

    /** A checkbox: absent is false, "yes" is true, anything else is refused. */
    private static boolean ticked(String value, String field) {
        if (value != null && !"yes".equals(value)) {
            throw new InvalidInput(field, "is ticked or not");
        }
        return "yes".equals(value);
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("section", "tokens");
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("now", clock.instant());
        model.addAttribute("scopes", List.of(TokenScope.values()));
        model.addAttribute(
                "agents", agents.list().stream().filter(AgentView::active).toList());
        return "accounts/admin/tokens";
    }

    /**
     * Creates a token with the ticked scopes (read always) and an optional last day: it works until the end of that
     * day in the admin's time zone.
     */
    @PostMapping("/admin/tokens")
    String createToken(
            @RequestParam String name,
            @RequestParam long agentId,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(defaultValue = "") String expires,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            List<TokenScope> granted = new ArrayList<>();
            for (String scope : scopes == null ? List.<String>of() : scopes) {
                granted.add(Codes.parse(TokenScope.class, scope, "scopes"));
            }
            redirect.addFlashAttribute(
                    "secret",
                    tokens.create(name, agentId, granted, lastDay(expires), Actor.of(me))
                            .secret());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("tokenName", name);
            redirect.addFlashAttribute("tokenAgentId", agentId);
        }
        return "redirect:/admin/tokens";
    }

    /** "2027-03-31": the token works through that day (the desk's time zone); empty: no end. */
    private Instant lastDay(String date) {
        if (date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay(clock.getZone())
                    .toInstant();
        } catch (java.time.DateTimeException e) {
            throw new InvalidInput("expires", "must be a date such as 2027-03-31");
        }
    }

    /** The audit log: who added, changed, invited, revoked what; newest first, one kind of subject or all. */
    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) String before, Model model) {
        model.addAttribute("section", "audit");
        model.addAttribute("kinds", AccountLog.KINDS);
        model.addAttribute("kind", kind);
        model.addAttribute(
                "log", log.recent(kind.isEmpty() ? null : kind, FormValues.optionalNumber(before, "before"), 50));
        return "accounts/admin/audit";
    }

    /** Revokes a token once the admin ticked that scripts using it will stop working. */
    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(
            @PathVariable long id,
            @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            FormValues.requireConfirmed(confirm);
            tokens.revoke(id, Actor.of(me));
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
