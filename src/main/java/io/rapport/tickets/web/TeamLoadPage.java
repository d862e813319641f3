package io.rapport.tickets.web;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.tickets.TeamLoad;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisors' view of the desk (issue 9, point 6): every active agent with their status and open items against
 * capacity, and what waits unassigned per team. Supervisors and admins only.
 */
@Controller
class TeamLoadPage {

    /** One agent's line: who, their status, their teams, and how full they are. */
    record AgentLoad(AgentView agent, long open, List<String> teams) {

        public int percent() {
            return agent.capacity() == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * open / agent.capacity()));
        }
    }

    private final Agents agents;
    private final Teams teams;
    private final TeamLoad load;
    private final io.rapport.tickets.HandoffReport handoffs;
    private final java.time.Clock clock;

    TeamLoadPage(
            Agents agents,
            Teams teams,
            TeamLoad load,
            io.rapport.tickets.HandoffReport handoffs,
            java.time.Clock clock) {
        this.handoffs = handoffs;
        this.clock = clock;
        this.agents = agents;
        this.teams = teams;
        this.load = load;
    }

    @GetMapping("/team-load")
    String page(Model model) {
        Map<Long, String> teamNames = teams.list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
        Map<Long, Long> open = load.activeByAgent();
        model.addAttribute(
                "agentLoads",
                agents.list().stream()
                        .filter(AgentView::active)
                        .map(a -> new AgentLoad(
                                a,
                                open.getOrDefault(a.id(), 0L),
                                a.teamIds().stream()
                                        .map(teamNames::get)
                                        .sorted()
                                        .toList()))
                        .sorted(Comparator.comparing(
                                        (AgentLoad l) -> l.agent().presence().ordinal())
                                .thenComparing(l -> l.agent().name()))
                        .toList());
        model.addAttribute("waiting", load.waitingByTeam());
        model.addAttribute("teamNames", teamNames);
        java.time.Instant now = clock.instant();
        model.addAttribute("handoffs", handoffs.rows(now.minus(ReportApi.DEFAULT_PERIOD), now, "team"));
        return "tickets/team-load";
    }

    @Bean
    static MenuEntry teamLoadForSupervisors() {
        return new MenuEntry(Area.STAFF, 15, "/team-load", "nav.teamLoad", "team-load", Authorities.SUPERVISOR);
    }

    @Bean
    static MenuEntry teamLoadForAdmins() {
        return new MenuEntry(Area.STAFF, 15, "/team-load", "nav.teamLoad", "team-load", Authorities.ADMIN);
    }
}
