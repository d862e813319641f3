package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.tickets.AddMessage;
import io.rapport.tickets.Author;
import io.rapport.tickets.ChangeTicket;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent workspace: ticket views with counts, one ticket with its conversation, replies, notes and changes. */
@Controller
class Workspace {

    static final int PAGE_SIZE = 50;

    private final Tickets tickets;
    private final Agents agents;
    private final Teams teams;
    private final PageErrors errors;

    Workspace(Tickets tickets, Agents agents, Teams teams, PageErrors errors) {
        this.tickets = tickets;
        this.agents = agents;
        this.teams = teams;
        this.errors = errors;
    }

    /** The properties as the agent chose them, given back with an error so that no choice is lost. */
    record PropertiesForm(String status, String priority, String assigneeId, String teamId, String tags) {}

    @GetMapping("/")
    String home() {
        return "redirect:/tickets";
    }

    /** A view of tickets. An htmx request gets just the table, the full page otherwise. */
    @GetMapping("/tickets")
    String views(
            @RequestParam(defaultValue = "mine") String view,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "-updated") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal AgentPrincipal principal,
            Model model) {
        List<AgentView> all = agents.list();
        AgentView me = all.stream()
                .filter(a -> a.id() == principal.id())
                .findFirst()
                .orElseGet(() -> agents.get(principal.id()));
        AgentViewKind kind = AgentViewKind.of(view);
        PageRequest paging = new PageRequest(Math.max(0, page), PAGE_SIZE);
        TicketQuery query = kind.query(me, q, sort, paging);
        Page<TicketView> result = tickets.findForView(query);
        model.addAttribute("view", kind.code());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sort);
        model.addAttribute("page", result);
        model.addAttribute("agentNames", names(all));
        if (htmx != null) {
            return "tickets/views :: table";
        }
        model.addAttribute("counts", tickets.counts(me.id(), me.teamIds()));
        model.addAttribute(
                "views",
                Arrays.stream(AgentViewKind.values()).map(AgentViewKind::code).toList());
        return "tickets/views";
    }

    /**
     * A ticket, at the address people type and share: its number (#2875 at /tickets/2875). Links from before carried
     * the database id; an address that is no ticket's number but is an id leads to that ticket's own address.
     */
    @GetMapping("/tickets/{number}")
    String ticket(@PathVariable long number, @AuthenticationPrincipal AgentPrincipal me, Model model) {
        Optional<Long> found = tickets.idOfNumber(number);
        if (found.isEmpty()) {
            return tickets.numberOfId(number)
                    .map(moved -> "redirect:/tickets/" + moved)
                    .orElseThrow(() -> NotFound.of("ticket", "#" + number));
        }
        long id = found.get();
        TicketView ticket = withImages(tickets.get(id));
        List<AgentView> all = agents.list();
        model.addAttribute("ticket", ticket);
        model.addAttribute("agents", all.stream().filter(AgentView::active).toList());
        model.addAttribute("teams", teams.list());
        List<TicketStatus> statuses = allowedStatuses(ticket);
        model.addAttribute("statuses", statuses);
        model.addAttribute(
                "replyStatuses",
                statuses.stream()
                        .filter(s -> s != ticket.status() && s != TicketStatus.CLOSED)
                        .toList());
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute(
                "customerTickets",
                tickets
                        .find(TicketQuery.all(new PageRequest(0, 10))
                                .withCustomer(ticket.customer().id())
                                .sortedBy("-created"))
                        .items()
                        .stream()
                        .filter(t -> t.id() != id)
                        .toList());
        model.addAttribute("audit", tickets.audit(id));
        // the audit trail stores agent ids; the activity list shows names
        model.addAttribute(
                "agentLabels",
                all.stream().collect(Collectors.toMap(a -> String.valueOf(a.id()), AgentView::name, (a, b) -> a)));
        return "tickets/ticket";
    }

    /** The conversation alone, for live refresh when a message arrives. */
    @GetMapping("/tickets/{number}/conversation")
    String conversation(@PathVariable long number, Model model) {
        model.addAttribute("ticket", withImages(tickets.get(idOf(number))));
        return "tickets/ticket :: conversation";
    }

    /** Images shown inside mail bodies load from the ticket's attachment address. */
    private static TicketView withImages(TicketView ticket) {
        return ticket.withEachMessage(
                m -> m.showingImages(a -> "/tickets/" + ticket.number() + "/attachments/" + a.id()));
    }

    @PostMapping("/tickets/{number}/messages")
    String reply(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "public") String visibility,
            @RequestParam(required = false) String statusAfter,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            Visibility v = Codes.parse(Visibility.class, visibility, "visibility");
            TicketStatus then = statusAfter == null || statusAfter.isBlank()
                    ? null
                    : Codes.parse(TicketStatus.class, statusAfter, "statusAfter");
            tickets.addMessage(
                    idOf(number),
                    // a public reply travels the ticket's own channel (a mail ticket's reply is mailed); a note stays
                    // here
                    new AddMessage(
                            body,
                            null,
                            v,
                            v == Visibility.PUBLIC ? null : Channel.WEB,
                            Author.agent(me),
                            TicketApi.attachments(files)),
                    then);
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("draft", body);
        }
        return "redirect:/tickets/" + number + "#composer";
    }

    @PostMapping("/tickets/{number}")
    String change(
            @PathVariable long number,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            tickets.change(
                    idOf(number),
                    new ChangeTicket(
                            Codes.parse(TicketStatus.class, blankToNull(status), "status"),
                            optionalId(assigneeId, "assigneeId"),
                            optionalId(teamId, "teamId"),
                            Codes.parse(Priority.class, blankToNull(priority), "priority"),
                            tags == null
                                    ? null
                                    : Arrays.stream(tags.split(","))
                                            .map(String::strip)
                                            .filter(s -> !s.isEmpty())
                                            .collect(Collectors.toCollection(LinkedHashSet::new)),
                            version),
                    Author.agent(me));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("typed", new PropertiesForm(status, priority, assigneeId, teamId, tags));
        }
        return "redirect:/tickets/" + number;
    }

    @GetMapping("/tickets/{number}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable long number, @PathVariable long attachmentId) {
        return AttachmentDownloads.download(tickets.attachmentOf(idOf(number), attachmentId));
    }

    private long idOf(long number) {
        return tickets.idOfNumber(number).orElseThrow(() -> NotFound.of("ticket", "#" + number));
    }

    private static Map<Long, String> names(List<AgentView> all) {
        return all.stream().collect(Collectors.toMap(AgentView::id, AgentView::name, (a, b) -> a));
    }

    /** The current status and those the workflow allows from it. */
    private static List<TicketStatus> allowedStatuses(TicketView ticket) {
        TicketStatus current = ticket.status();
        return Arrays.stream(TicketStatus.values())
                .filter(s -> s == current || current.canMoveTo(s))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Optional<Long> optionalId(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be an id");
        }
    }
}
