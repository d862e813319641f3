package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.Formatting;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.tickets.AddMessage;
import io.rapport.tickets.Author;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.ChangeTicket;
import io.rapport.tickets.Channel;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.OpenedTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketBulk;
import io.rapport.tickets.TicketEdit;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.internal.SavedViewRepository;
import io.rapport.web.FormValues;
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
    private final TicketBulk bulk;
    private final Agents agents;
    private final Teams teams;
    private final io.rapport.tickets.Collaboration collaboration;
    private final io.rapport.tickets.SavedViews savedViewsService;
    private final io.rapport.tickets.Escalations escalations;
    private final io.rapport.accounts.Customers customers;
    private final io.rapport.accounts.Organizations organizations;
    private final SavedViewRepository savedViews;
    private final PageErrors errors;
    private final java.time.Clock clock;
    private final io.rapport.tickets.SavedReplies savedReplies;
    private final org.springframework.beans.factory.ObjectProvider<io.rapport.tickets.TicketPanel> panels;

    Workspace(
            Tickets tickets,
            TicketBulk bulk,
            Agents agents,
            Teams teams,
            io.rapport.accounts.Customers customers,
            io.rapport.accounts.Organizations organizations,
            SavedViewRepository savedViews,
            io.rapport.tickets.Collaboration collaboration,
            io.rapport.tickets.SavedViews savedViewsService,
            io.rapport.tickets.Escalations escalations,
            org.springframework.beans.factory.ObjectProvider<io.rapport.tickets.TicketPanel> panels,
            PageErrors errors,
            io.rapport.tickets.SavedReplies savedReplies,
            java.time.Clock clock) {
        this.savedReplies = savedReplies;
        this.panels = panels;
        this.collaboration = collaboration;
        this.savedViewsService = savedViewsService;
        this.escalations = escalations;
        this.tickets = tickets;
        this.bulk = bulk;
        this.agents = agents;
        this.teams = teams;
        this.customers = customers;
        this.organizations = organizations;
        this.savedViews = savedViews;
        this.errors = errors;
        this.clock = clock;
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
            @RequestParam(required = false) Integer pageNumber,
            @RequestParam(required = false) String f,
            @RequestParam(required = false) Long saved,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal AgentPrincipal principal,
            Model model) {
        List<AgentView> all = agents.list();
        AgentView me = all.stream()
                .filter(a -> a.id() == principal.id())
                .findFirst()
                .orElseGet(() -> agents.get(principal.id()));
        AgentViewKind kind = AgentViewKind.of(view);
        if (pageNumber != null) {
            page = pageNumber - 1; // the page a person typed counts from 1
        }
        PageRequest paging = new PageRequest(Math.max(0, page), PAGE_SIZE);
        ViewFilter filter = ViewFilter.parse(f);
        TicketQuery query = narrowed(kind.query(me, q, sort, paging), filter, me);
        Page<TicketView> result = tickets.findForView(query);
        model.addAttribute("view", kind.code());
        model.addAttribute("filter", filter);
        model.addAttribute("f", filter.format());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sort);
        model.addAttribute("page", result);
        model.addAttribute("agentNames", names(all));
        if (htmx != null) {
            return "tickets/views :: table";
        }
        model.addAttribute(
                "activeAgents", all.stream().filter(AgentView::active).toList());
        model.addAttribute("teams", teams.list());
        model.addAttribute("activeTeams", teams.offered(null));
        model.addAttribute("statuses", List.of(TicketStatus.values()));
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute(
                "backUrl",
                org.springframework.web.util.UriComponentsBuilder.fromPath("/tickets")
                        .queryParam("view", kind.code())
                        .queryParamIfPresent("q", Optional.ofNullable(q).filter(v -> !v.isBlank()))
                        .queryParam("sort", sort)
                        .queryParam("page", Math.max(0, page))
                        .queryParamIfPresent("f", Optional.of(filter.format()).filter(v -> !v.isEmpty()))
                        .encode()
                        .build()
                        .toUriString());
        model.addAttribute("counts", tickets.counts(me.id(), me.teamIds()));
        List<SavedViewRepository.SavedView> savedViews = this.savedViews.visibleTo(me.id());
        model.addAttribute("savedViews", savedViews);
        model.addAttribute(
                "savedCounts",
                savedViews.stream()
                        .collect(Collectors.toMap(
                                SavedViewRepository.SavedView::id, sv -> savedCount(sv, me), (a, b) -> a)));
        model.addAttribute(
                "currentSaved",
                saved == null
                        ? null
                        : savedViews.stream()
                                .filter(v -> v.id() == saved)
                                .findFirst()
                                .orElse(null));
        model.addAttribute(
                "organizations",
                organizations.list(null, new PageRequest(0, 200)).items());
        model.addAttribute("channels", List.of(Channel.values()));
        model.addAttribute("outcomes", List.of(io.rapport.tickets.Outcome.values()));
        model.addAttribute(
                "views",
                Arrays.stream(AgentViewKind.values()).map(AgentViewKind::code).toList());
        return "tickets/views";
    }

    /** The view narrowed by what the agent chose: statuses replace the view's own; the rest narrows further. */
    /**
     * How many tickets a saved view holds now for this agent ("10,000+" past the count limit). Counted at most every
     * 30 seconds per view and agent, as the desk-wide counts are, so that a sidebar of saved views costs a page load
     * nothing most of the time.
     */
    private String savedCount(SavedViewRepository.SavedView sv, AgentView me) {
        String key = sv.id() + "|" + me.id() + "|" + sv.baseView() + "|" + sv.filter();
        return savedViewCounts.get(key, k -> {
            try {
                TicketQuery query = narrowed(
                        AgentViewKind.of(sv.baseView()).query(me, null, "-updated", new PageRequest(0, 1)),
                        ViewFilter.parse(sv.filter()),
                        me);
                Page<TicketView> counted = tickets.findForView(query);
                return String.format(java.util.Locale.ROOT, "%,d", counted.total())
                        + (counted.totalIsLowerBound() ? "+" : "");
            } catch (RuntimeException e) {
                // a view whose filter no longer reads (an agent or team gone, a date the database refuses) shows no
                // count, and the list of views still shows
                return "";
            }
        });
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, String> savedViewCounts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofSeconds(30))
                    .maximumSize(10_000)
                    .build();

    private TicketQuery narrowed(TicketQuery query, ViewFilter filter, AgentView me) {
        if (filter.isEmpty()) {
            return query;
        }
        TicketQuery q = query.withFilter(filter.ticketFilter());
        if (!filter.statuses().isEmpty()) {
            q = q.withStatuses(filter.statuses());
        }
        if (filter.assignee() != null) {
            q = switch (filter.assignee()) {
                case "me" -> q.withAssignee(me.id());
                case "none" -> q.unassignedOnly();
                default -> q.withAssignee(Long.valueOf(filter.assignee()));
            };
        }
        if (filter.team() != null) {
            q = q.withTeams(List.of(Long.valueOf(filter.team())));
        }
        java.util.Set<Long> people = null;
        if (filter.organization() != null) {
            people = new java.util.LinkedHashSet<>(customers.idsInOrganization(filter.organization(), 10_000));
        }
        if (filter.customer() != null) {
            java.util.Set<Long> one = customers
                    .findByEmail(filter.customer())
                    .map(c -> java.util.Set.of(c.id()))
                    .orElse(java.util.Set.of());
            people = people == null ? new java.util.LinkedHashSet<>(one) : people;
            people.retainAll(one);
        }
        return people == null ? q : q.withCustomers(people);
    }

    /** The filter form: its fields become the list's address parameter, so the filtered list can be shared. */
    @GetMapping("/tickets/filter")
    String filter(
            @RequestParam(defaultValue = "all") String view,
            @RequestParam(defaultValue = "-updated") String sort,
            @RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(name = "priority", required = false) List<String> priorities,
            @RequestParam(name = "channel", required = false) List<String> channels,
            @RequestParam(name = "outcome", required = false) List<String> outcomes,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String tag,
            @RequestParam(defaultValue = "") String assignee,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "") String customer,
            @RequestParam(defaultValue = "") String createdFrom,
            @RequestParam(defaultValue = "") String createdTo,
            @RequestParam(defaultValue = "") String updatedFrom,
            @RequestParam(defaultValue = "") String updatedTo) {
        ViewFilter.Builder b = new ViewFilter.Builder()
                .set("status", statuses == null ? List.of() : statuses)
                .set("priority", priorities == null ? List.of() : priorities)
                .set("channel", channels == null ? List.of() : channels)
                .set("outcome", outcomes == null ? List.of() : outcomes)
                .set("language", List.copyOf(ViewFilter.strings(language)))
                .set("tag", List.copyOf(ViewFilter.strings(tag)))
                .set("assignee", assignee.isBlank() ? List.of() : List.of(assignee))
                .set("team", team.isBlank() ? List.of() : List.of(team))
                .set("organization", organization.isBlank() ? List.of() : List.of(organization))
                .set("customer", customer.isBlank() ? List.of() : List.of(customer.strip()))
                .dates("created", createdFrom, createdTo)
                .dates("updated", updatedFrom, updatedTo);
        return "redirect:"
                + listAddress(AgentViewKind.of(view).code(), b.build().format(), sort, null);
    }

    /** Saves the list as it is filtered and sorted, for this agent or shared with everyone. */
    @PostMapping("/tickets/saved-views")
    String saveView(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "all") String view,
            @RequestParam(defaultValue = "") String f,
            @RequestParam(defaultValue = "-updated") String sort,
            @RequestParam(required = false) String shared,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        String base = AgentViewKind.of(view).code();
        try {
            if (!base.equals(view)) {
                throw new InvalidInput("view", "must be one of the lists");
            }
            if (shared != null && !"yes".equals(shared)) {
                throw new InvalidInput("shared", "is ticked or not");
            }
            String filter = ViewFilter.parse(f).format();
            long id = savedViewsService.create(name, me.id(), "yes".equals(shared), base, filter, sort);
            return "redirect:" + listAddress(base, filter, sort, id);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("bulkError", errors.describe(e));
            return "redirect:" + listAddress(base, "", "-updated", null);
        }
    }

    /** Removes a saved view: the agent's own, or any shared one for an admin. */
    @PostMapping("/tickets/saved-views/{id}/delete")
    String deleteView(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        SavedViewRepository.SavedView saved = savedViews.find(id).orElseThrow(() -> NotFound.of("saved view", id));
        if (saved.ownerId() != me.id() && !(saved.shared() && me.isAdmin())) {
            throw new io.rapport.common.Forbidden("only its owner (or an admin, for a shared view) removes a view");
        }
        savedViews.delete(id);
        return "redirect:/tickets?view=" + saved.baseView();
    }

    /** A list's address: its view, filter, sort and the saved view it shows. */
    static String listAddress(String view, String f, String sort, Long saved) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath("/tickets")
                .queryParam("view", view)
                .queryParamIfPresent("f", Optional.ofNullable(f).filter(v -> !v.isEmpty()))
                .queryParam("sort", sort)
                .queryParamIfPresent("saved", Optional.ofNullable(saved))
                .encode()
                .build()
                .toUriString();
    }

    /** What an agent typed into the new-ticket form, given back with an error so that nothing is typed twice. */
    record NewTicketForm(
            String customerEmail,
            String customerName,
            String subject,
            String body,
            String firstMessage,
            String channel,
            String priority,
            String assigneeId,
            String teamId,
            String tags) {}

    /** Channels an agent records a ticket for: a call, a mail or chat from outside Rapport, a visit. */
    static final List<Channel> AGENT_CHANNELS =
            List.of(Channel.PHONE, Channel.EMAIL, Channel.WEB, Channel.CHAT, Channel.MESSAGING);

    /** A new ticket opened by an agent: for a caller, or for a mail or chat that came in outside Rapport. */
    @GetMapping("/tickets/new")
    String newTicket(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        model.addAttribute(
                "agents", agents.list().stream().filter(AgentView::active).toList());
        model.addAttribute("teams", teams.offered(null));
        model.addAttribute("channels", AGENT_CHANNELS);
        model.addAttribute("priorities", List.of(Priority.values()));
        if (!model.containsAttribute("typed")) {
            model.addAttribute(
                    "typed",
                    new NewTicketForm("", "", "", "", "customer", "phone", "normal", String.valueOf(me.id()), "", ""));
        }
        return "tickets/new";
    }

    @PostMapping("/tickets/new")
    String create(
            @RequestParam(defaultValue = "") String customerEmail,
            @RequestParam(defaultValue = "") String customerName,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "customer") String firstMessage,
            @RequestParam(defaultValue = "phone") String channel,
            @RequestParam(defaultValue = "normal") String priority,
            @RequestParam(defaultValue = "") String assigneeId,
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            Channel via = Codes.parse(Channel.class, channel, "channel");
            if (!AGENT_CHANNELS.contains(via)) {
                throw new InvalidInput("channel", "must be one of the channels an agent records");
            }
            if (!firstMessage.equals("customer") && !firstMessage.equals("agent")) {
                throw new InvalidInput("firstMessage", "is the customer's words or a message to the customer");
            }
            Optional<Long> assignee = optionalId(assigneeId, "assigneeId");
            Optional<Long> team = optionalId(teamId, "teamId");
            // checked before the ticket exists, so that a wrong choice does not leave a half-made ticket
            assignee.filter(a -> agents.find(a).filter(AgentView::active).isEmpty())
                    .ifPresent(a -> {
                        throw new InvalidInput("assigneeId", "no active agent with id " + a);
                    });
            team.filter(t -> !teams.takesTickets(t)).ifPresent(t -> {
                throw new InvalidInput("teamId", "no active team with id " + t);
            });
            boolean outbound = firstMessage.equals("agent");
            String typed = body.replace("\r\n", "\n");
            String written = outbound ? signed(typed, me) : typed;
            OpenTicket command = new OpenTicket(
                    subject,
                    written,
                    outbound ? Formatting.html(written) : null,
                    customerEmail,
                    customerName,
                    via,
                    Codes.parse(Priority.class, blankToNull(priority), "priority"),
                    Arrays.stream(tags.split(","))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .collect(Collectors.toCollection(LinkedHashSet::new)),
                    TicketApi.attachments(files),
                    Author.agent(me));
            OpenedTicket opened = tickets.openFromDesk(command, outbound, assignee, team, Author.agent(me));
            redirect.addFlashAttribute("created", true);
            return "redirect:/tickets/" + opened.ticket().number();
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute(
                    "typed",
                    new NewTicketForm(
                            customerEmail,
                            customerName,
                            subject,
                            body,
                            firstMessage,
                            channel,
                            priority,
                            assigneeId,
                            teamId,
                            tags));
            return "redirect:/tickets/new";
        }
    }

    /**
     * One change for the tickets ticked in a view; each ticket is changed on its own and the page says what happened
     * (how many changed, which could not be changed and why).
     */
    @PostMapping("/tickets/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(defaultValue = "") String assigneeId,
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String addTag,
            @RequestParam(defaultValue = "") String mergeInto,
            @RequestParam(defaultValue = "/tickets") String back,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        String target = back.startsWith("/tickets") && !back.startsWith("//") ? back : "/tickets";
        try {
            Long into = null;
            if (!mergeInto.isBlank()) {
                long typed = FormValues.number(mergeInto, "mergeInto", "must be a ticket number");
                into = tickets.idOfNumber(typed)
                        .orElseThrow(() -> new InvalidInput("mergeInto", "no ticket #" + typed));
            }
            BulkResult result = bulk.apply(
                    ids == null ? List.of() : ids,
                    new BulkChange(
                            new ChangeTicket(
                                    Codes.parse(TicketStatus.class, blankToNull(status), "status"),
                                    noneOrId(assigneeId, "assigneeId"),
                                    noneOrId(teamId, "teamId"),
                                    Codes.parse(Priority.class, blankToNull(priority), "priority"),
                                    null,
                                    null),
                            addTag.isBlank() ? null : java.util.Set.of(addTag.strip()),
                            null,
                            into),
                    Author.agent(me));
            redirect.addFlashAttribute(
                    "bulkSummary", errors.text("bulk.summary", result.changed(), result.unchanged(), result.failed()));
            redirect.addFlashAttribute(
                    "bulkFailures",
                    result.items().stream()
                            .filter(i -> i.result().equals("failed"))
                            .map(i -> (i.number() == null ? "" : "#" + i.number() + ": ") + i.error())
                            .toList());
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("bulkError", errors.describe(e));
        }
        return "redirect:" + target;
    }

    /** "" leaves it, "none" clears it, else an id. */
    private static Optional<Long> noneOrId(String value, String field) {
        if (value.isBlank()) {
            return null;
        }
        return "none".equals(value) ? Optional.empty() : optionalId(value, field);
    }

    /**
     * A ticket, at the address people type and share: its number (#2875 at /tickets/2875). Links from before carried
     * the database id; an address that is no ticket's number but is an id leads to that ticket's own address.
     */
    /**
     * The ticket page again, for the page's own live merge of a colleague's change (at an address of its own, so that
     * it never takes the "Saved." meant for the page the browser loads next).
     */
    @GetMapping("/tickets/{number}/live")
    String live(@PathVariable long number, @AuthenticationPrincipal AgentPrincipal me, Model model) {
        return ticket(number, me, model);
    }

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
        model.addAttribute("teams", teams.offered(ticket.teamId()));
        List<TicketStatus> statuses = allowedStatuses(ticket);
        model.addAttribute("statuses", statuses);
        model.addAttribute(
                "replyStatuses",
                statuses.stream()
                        .filter(s -> s != ticket.status() && s != TicketStatus.CLOSED)
                        .toList());
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute("savedReplies", savedReplies.forTicket(id, me.id()));
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
        if (ticket.mergedInto() != null) {
            model.addAttribute(
                    "mergedIntoNumber", tickets.summary(ticket.mergedInto()).number());
        }
        if (ticket.repeatOf() != null) {
            // the problem came back: the earlier conversation is on the page, so nobody has to ask the customer again
            model.addAttribute("repeatOf", withImages(tickets.get(ticket.repeatOf())));
        }
        model.addAttribute("cameBackIn", tickets.cameBackIn(id));
        model.addAttribute("related", collaboration.related(id));
        List<io.rapport.tickets.Escalation> handoffs = escalations.list(id);
        model.addAttribute("handoff", ticket.isClosed() || handoffs.isEmpty() ? null : handoffs.getLast());
        model.addAttribute("signature", agents.signature(me.id()));
        java.util.Locale language = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "panels",
                panels.stream()
                        .flatMap(p -> p.panel(id, language).stream())
                        .sorted(java.util.Comparator.comparingInt(io.rapport.tickets.TicketPanel.Panel::order))
                        .toList());
        List<Long> followers = collaboration.followers(id);
        Map<Long, String> names = names(all);
        model.addAttribute(
                "followers",
                followers.stream().map(names::get).filter(n -> n != null).toList());
        model.addAttribute("following", followers.contains(me.id()));
        // the audit trail stores ids and codes; the activity list says names and words
        model.addAttribute("activity", Activity.of(ticket, tickets.audit(id), all, teams.list(), errors));
        return "tickets/ticket";
    }

    /** "Not the same problem": the agent undoes the repeat-contact link the watch made (ADR 30). */
    @PostMapping("/tickets/{number}/repeat-of/remove")
    String unlinkRepeat(
            @PathVariable long number, @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        tickets.unlinkRepeat(idOf(number), Author.agent(me));
        redirect.addFlashAttribute("repeatUnlinked", true);
        return "redirect:/tickets/" + number;
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
            @RequestParam(required = false) String next,
            @RequestParam(defaultValue = "") String list,
            @RequestParam(required = false) String savedReplyId,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            Long fromSaved = FormValues.optionalNumber(savedReplyId, "savedReplyId");
            Visibility v = Codes.parse(Visibility.class, visibility, "visibility");
            TicketStatus then = statusAfter == null || statusAfter.isBlank()
                    ? null
                    : Codes.parse(TicketStatus.class, statusAfter, "statusAfter");
            // a browser sends a textarea's line breaks as CR LF; the desk keeps LF, as every other channel gives it
            String typed = body.replace("\r\n", "\n");
            String written = v == Visibility.PUBLIC ? signed(typed, me) : typed;
            // a public reply travels the ticket's own channel (a mail ticket's reply is mailed); a note stays here;
            // what the editor's marks format goes as HTML, the text as typed as the plain part
            AddMessage message = new AddMessage(
                    written,
                    Formatting.html(written),
                    v,
                    v == Visibility.PUBLIC ? null : Channel.WEB,
                    Author.agent(me),
                    TicketApi.attachments(files));
            if (fromSaved == null) {
                tickets.addMessage(idOf(number), message, then);
            } else {
                savedReplies.send(idOf(number), fromSaved, message, typed, then, false, me.id());
            }
            if ("yes".equals(next)) {
                redirect.addFlashAttribute("sentFrom", number);
                return "redirect:" + nextAfter(number, list, me);
            }
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("draft", body);
            // a draft that started from a saved reply still did: sent after the fix, it keeps that record
            redirect.addFlashAttribute(
                    "draftSavedReplyId", savedReplyId != null && savedReplyId.matches("\\d{1,18}") ? savedReplyId : "");
        }
        return "redirect:/tickets/" + number + "#composer";
    }

    /**
     * "Send and next": the ticket after this one in the list the agent came from (its view, search, filter and sort),
     * or the first other one when this one has left the list; the list itself when nothing is left.
     */
    private String nextAfter(long number, String list, AgentPrincipal principal) {
        if (!list.startsWith("/tickets?") && !list.equals("/tickets")) {
            list = "/tickets";
        }
        var params = org.springframework.web.util.UriComponentsBuilder.fromUriString(list)
                .build()
                .getQueryParams();
        String view = decoded(params.getFirst("view"), "mine");
        String sort = decoded(params.getFirst("sort"), "-updated");
        String q = decoded(params.getFirst("q"), null);
        AgentView me = agents.get(principal.id());
        List<TicketView> items;
        try {
            items = tickets.findForView(narrowed(
                            AgentViewKind.of(view).query(me, q, sort, new PageRequest(0, 100)),
                            ViewFilter.parse(decoded(params.getFirst("f"), null)),
                            me))
                    .items();
        } catch (InvalidInput e) {
            return "/tickets";
        }
        int here = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() == number) {
                here = i;
            }
        }
        if (here >= 0 && here + 1 < items.size()) {
            return "/tickets/" + items.get(here + 1).number();
        }
        return items.stream()
                .filter(t -> t.number() != number)
                .findFirst()
                .map(t -> "/tickets/" + t.number())
                .orElse(list);
    }

    private static String decoded(String value, String otherwise) {
        return value == null || value.isBlank()
                ? otherwise
                : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Saves the fields this agent changed. Each field comes with the value the page showed ({@code was*}): a field a
     * colleague changed meanwhile is kept as they set it unless this agent changed it too, and then it is named with
     * both values instead of saved (field-level merge; the rest is saved).
     */
    @PostMapping("/tickets/{number}")
    String change(
            @PathVariable long number,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String wasStatus,
            @RequestParam(required = false) String wasPriority,
            @RequestParam(required = false) String wasAssigneeId,
            @RequestParam(required = false) String wasTeamId,
            @RequestParam(required = false) String wasTags,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            ChangeTicket mine = changeOf(status, priority, assigneeId, teamId, tags);
            ChangeTicket readAs = changeOf(wasStatus, wasPriority, wasAssigneeId, wasTeamId, wasTags);
            TicketEdit edit = tickets.edit(idOf(number), unchanged(mine, readAs), readAs, Author.agent(me));
            if (edit.conflicts().isEmpty()) {
                redirect.addFlashAttribute("saved", true);
            } else {
                redirect.addFlashAttribute("conflicts", describe(edit));
            }
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("typed", new PropertiesForm(status, priority, assigneeId, teamId, tags));
        }
        return "redirect:/tickets/" + number;
    }

    private static ChangeTicket changeOf(
            String status, String priority, String assigneeId, String teamId, String tags) {
        return new ChangeTicket(
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
                null);
    }

    /** Only the fields the agent changed on the page; with no shown value (an older page) every field sent. */
    private static ChangeTicket unchanged(ChangeTicket mine, ChangeTicket readAs) {
        return new ChangeTicket(
                differs(mine.status(), readAs.status()),
                differs(mine.assigneeId(), readAs.assigneeId()),
                differs(mine.teamId(), readAs.teamId()),
                differs(mine.priority(), readAs.priority()),
                mine.tags() == null || readAs.tags() == null || !mine.tags().equals(readAs.tags()) ? mine.tags() : null,
                null);
    }

    private static <T> T differs(T mine, T readAs) {
        return mine != null && mine.equals(readAs) ? null : mine;
    }

    /** Each field both changed, as the agent reads it: "Priority: Ana set High meanwhile; you chose Urgent. ..." */
    private List<String> describe(TicketEdit edit) {
        TicketView ticket = edit.ticket();
        List<io.rapport.tickets.AuditEntry> audit = tickets.audit(ticket.id());
        Map<Long, String> agentNames = names(agents.list());
        Map<Long, String> teamNames =
                teams.list().stream().collect(Collectors.toMap(t -> t.id(), t -> t.name(), (a, b) -> a));
        return edit.conflicts().stream()
                .map(c -> {
                    String who = audit.reversed().stream()
                            .filter(e -> c.field().equals(e.field()))
                            .map(e -> e.actor().name())
                            .findFirst()
                            .orElse(errors.text("ticket.conflict.someone"));
                    return errors.text(
                            "ticket.conflict",
                            errors.text(c.field().equals("team") ? "ticket.team" : "col." + c.field()),
                            who,
                            label(c.field(), c.theirs(), agentNames, teamNames),
                            label(c.field(), c.mine(), agentNames, teamNames));
                })
                .toList();
    }

    private String label(String field, String value, Map<Long, String> agentNames, Map<Long, String> teamNames) {
        return switch (field) {
            case "status" -> errors.text("status." + value);
            case "priority" -> errors.text("priority." + value);
            case "assignee" ->
                value == null ? errors.text("ticket.unassigned") : agentNames.getOrDefault(Long.valueOf(value), value);
            case "team" ->
                value == null ? errors.text("ticket.noTeam") : teamNames.getOrDefault(Long.valueOf(value), value);
            default -> String.valueOf(value);
        };
    }

    /** Merges this ticket into the one with the number typed; the page then shows that ticket. */
    @PostMapping("/tickets/{number}/merge")
    String merge(
            @PathVariable long number,
            @RequestParam(name = "mergeInto", defaultValue = "") String into,
            @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            FormValues.requireConfirmed(confirm);
            long typed = FormValues.number(into, "mergeInto", "must be a ticket number");
            long intoId =
                    tickets.idOfNumber(typed).orElseThrow(() -> new InvalidInput("mergeInto", "no ticket #" + typed));
            TicketView kept = tickets.merge(idOf(number), intoId, Author.agent(me));
            redirect.addFlashAttribute("mergedFrom", number);
            return "redirect:/tickets/" + kept.number();
        } catch (InvalidInput | io.rapport.common.Conflict e) {
            redirect.addFlashAttribute("mergeError", errors.describe(e));
            redirect.addFlashAttribute("mergeInto", into);
            return "redirect:/tickets/" + number + "#merge";
        }
    }

    @GetMapping("/tickets/{number}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable long number, @PathVariable long attachmentId) {
        return AttachmentDownloads.download(tickets.attachmentOf(idOf(number), attachmentId));
    }

    /** A message to the customer with the agent's signature below it; a blank message stays blank (and is refused). */
    private String signed(String body, AgentPrincipal me) {
        String signature = agents.signature(me.id());
        return body.isBlank() || signature == null ? body : body.stripTrailing() + "\n\n--\n" + signature;
    }

    /** An image or PDF shown in the browser (a preview); any other file is a download. */
    @GetMapping("/tickets/{number}/attachments/{attachmentId}/view")
    ResponseEntity<Resource> viewAttachment(@PathVariable long number, @PathVariable long attachmentId) {
        return AttachmentDownloads.view(tickets.attachmentOf(idOf(number), attachmentId));
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
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be an id");
        }
        if (id <= 0) {
            throw new InvalidInput(field, "must be an id");
        }
        return Optional.of(id);
    }
}
