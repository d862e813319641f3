package io.rapport.routing.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Organizations;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.PageRequest;
import io.rapport.routing.AssignmentMode;
import io.rapport.routing.RoutingRules;
import io.rapport.web.AdminTab;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's routing page: the skill rules (a table and a form to add one) and, per team, whether new mail and web
 * tickets are pushed to an agent or wait in the team's queue, and how long a ticket waits before each widening step.
 */
@Controller
class RoutingPages {

    static final String PAGE = "/admin/routing";

    private final RoutingRules rules;
    private final Teams teams;
    private final Organizations organizations;
    private final PageErrors errors;

    RoutingPages(RoutingRules rules, Teams teams, Organizations organizations, PageErrors errors) {
        this.rules = rules;
        this.teams = teams;
        this.organizations = organizations;
        this.errors = errors;
    }

    /** A rule as typed, given back with its error so nothing typed is lost. */
    record RuleForm(String skill, String level, String keywords, String channel, String organizationId, String tag) {
        static RuleForm empty() {
            return new RuleForm(null, "3", null, null, null, null);
        }
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("section", "routing");
        model.addAttribute("rules", rules.rules());
        model.addAttribute("settings", rules.settings());
        Map<Long, String> teamNames = teams.list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
        model.addAttribute("teamNames", teamNames);
        var orgs = organizations.list(null, new PageRequest(0, 200)).items();
        model.addAttribute("organizations", orgs);
        model.addAttribute("organizationNames", orgs.stream().collect(Collectors.toMap(o -> o.id(), o -> o.name())));
        model.addAttribute("channels", List.of("email", "chat", "web", "messaging", "phone", "api"));
        model.addAttribute("modes", List.of(AssignmentMode.values()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RuleForm.empty());
        }
        return "routing/admin/routing";
    }

    @PostMapping(PAGE + "/rules")
    String addRule(
            @ModelAttribute RuleForm form, @AuthenticationPrincipal AgentPrincipal admin, RedirectAttributes redirect) {
        try {
            rules.create(
                    new RoutingRules.NewRule(
                            form.skill(),
                            FormValues.optionalNumber(form.level(), "level") == null
                                    ? null
                                    : (int) Math.min(99, FormValues.optionalNumber(form.level(), "level")),
                            form.keywords() == null ? List.of() : List.of(form.keywords()),
                            form.channel(),
                            FormValues.optionalNumber(form.organizationId(), "organizationId"),
                            form.tag()),
                    Actor.of(admin));
            redirect.addFlashAttribute("saved", "rule");
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/rules/{id}/delete")
    String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rules.delete(id);
            redirect.addFlashAttribute("saved", "deleted");
        } catch (NotFound e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/teams")
    String setTeam(String teamId, String mode, String waitMinutes, RedirectAttributes redirect) {
        try {
            Long wait = waitMinutes != null && waitMinutes.strip().equals("0")
                    ? Long.valueOf(0)
                    : FormValues.optionalNumber(waitMinutes, "waitMinutes");
            rules.set(
                    FormValues.optionalNumber(teamId, "teamId"),
                    mode == null || mode.isBlank() ? null : Codes.parse(AssignmentMode.class, mode.strip(), "mode"),
                    wait == null ? null : (int) Math.min(100_000, wait));
            redirect.addFlashAttribute("saved", "team");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE;
    }

    @Bean
    static AdminTab routingTab() {
        return new AdminTab(25, PAGE, "admin.routing", "routing");
    }
}
