package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.Customers;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.tickets.AddMessage;
import io.rapport.tickets.AuditEntry;
import io.rapport.tickets.Author;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.ChangeTicket;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewAttachment;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketBulk;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** Tickets and their messages over JSON, as CONTRACT.md describes. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Tickets, their conversations and their changes")
class TicketApi {

    private final Tickets tickets;
    private final TicketBulk bulk;
    private final Customers customers;
    /** The other modules' facets, found once (looking them up per answer cost more than asking them). */
    private final java.util.function.Supplier<List<io.rapport.tickets.TicketFacet>> facets;

    private final io.rapport.tickets.SavedReplies savedReplies;

    TicketApi(
            Tickets tickets,
            TicketBulk bulk,
            Customers customers,
            io.rapport.tickets.SavedReplies savedReplies,
            org.springframework.beans.factory.ObjectProvider<io.rapport.tickets.TicketFacet> facets) {
        this.savedReplies = savedReplies;
        this.facets = org.springframework.util.function.SingletonSupplier.of(
                () -> facets.orderedStream().toList());
        this.tickets = tickets;
        this.bulk = bulk;
        this.customers = customers;
    }

    @Schema(description = "The customer the ticket is for: found by email, or created on first contact")
    record CustomerInput(
            @NotBlank @Email @Size(max = 254) String email,

            @Size(max = 200) @Schema(description = "defaults to the email's local part")
            String name) {}

    @Schema(description = "A new ticket: the customer's problem, in their words (body, or bodyHtml which is sanitized)")
    record CreateTicketRequest(
            @NotBlank @Size(max = Tickets.MAX_SUBJECT) String subject,

            @Size(max = Tickets.MAX_BODY) @Schema(description = "plain text; required unless bodyHtml is given")
            String body,

            @Size(max = 4 * Tickets.MAX_BODY) @Schema(description = "HTML, sanitized on the way in")
            String bodyHtml,

            @NotNull @Valid CustomerInput customer,

            @Schema(description = "where it came from; api by default")
            Channel channel,

            @Schema(description = "normal by default") Priority priority,
            @Size(max = Tickets.MAX_TAGS) List<@NotNull @Size(min = 1, max = 50) String> tags) {}

    @Schema(description = "A public reply to the customer or an internal note")
    record CreateMessageRequest(
            @Size(max = Tickets.MAX_BODY) @Schema(description = "plain text; required unless bodyHtml is given")
            String body,

            @Size(max = 4 * Tickets.MAX_BODY) @Schema(description = "HTML, sanitized on the way in")
            String bodyHtml,

            @Schema(description = "public (the customer sees it, the default) or internal")
            Visibility visibility,

            @Schema(
                    description = "the saved reply this message started from: recorded with how much of it was"
                            + " changed; its status and tags are applied to the ticket")
            Long savedReplyId) {}

    @Schema(
            description = "Any subset. assigneeId or teamId null unassigns. version, when given, makes the change fail"
                    + " with 409 if someone else changed the ticket since that version was read.")
    record ChangeTicketRequest(
            TicketStatus status,
            @Schema(nullable = true) Long assigneeId,
            @Schema(nullable = true) Long teamId,
            Priority priority,
            List<String> tags,
            Integer version) {}

    @Schema(description = "One page of tickets and the total across all pages")
    record TicketList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<TicketView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int page,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int size) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTicket", summary = "Open a ticket for a customer (found or created by email)")
    TicketView create(@Valid @RequestBody CreateTicketRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        return open(request, List.of(), agent);
    }

    @PostMapping(value = "/with-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createTicketWithAttachments",
            summary = "Open a ticket with files: a JSON part 'ticket' and file parts 'attachments'",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            encoding =
                                                    @Encoding(
                                                            name = "ticket",
                                                            contentType = MediaType.APPLICATION_JSON_VALUE))))
    TicketView createWithAttachments(
            @Valid @RequestPart("ticket") CreateTicketRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return open(request, attachments(attachments), agent);
    }

    /** The upload at the create call's own address, as earlier clients send it; documented at /with-attachments. */
    @Hidden
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TicketView createWithFiles(
            @Valid @RequestPart("ticket") CreateTicketRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return createWithAttachments(request, attachments, agent);
    }

    private TicketView open(CreateTicketRequest request, List<NewAttachment> files, AgentPrincipal agent) {
        return withFacets(tickets.open(new OpenTicket(
                request.subject(),
                request.body(),
                request.bodyHtml(),
                request.customer().email(),
                request.customer().name(),
                request.channel() == null ? Channel.API : request.channel(),
                request.priority(),
                request.tags() == null ? null : new LinkedHashSet<>(request.tags()),
                files,
                Author.agent(agent))));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTicket", summary = "One ticket with its whole conversation, internal notes included")
    TicketView get(@PathVariable long id) {
        return withFacets(tickets.get(id));
    }

    /** The ticket with the fields other modules add to one ticket's answer (its SLA, for one). */
    private TicketView withFacets(TicketView ticket) {
        java.util.Map<String, Object> more = new java.util.LinkedHashMap<>();
        facets.get().forEach(f -> f.of(ticket.id()).ifPresent(v -> more.put(f.name(), v)));
        return more.isEmpty() ? ticket : ticket.withExtensions(more);
    }

    @GetMapping
    @Operation(
            operationId = "listTickets",
            summary = "List tickets, newest activity first",
            description = "Filters combine. number finds the ticket a person calls by its number (#2875).")
    TicketList list(
            @Parameter(description = "one status or several, comma-separated: new,open") @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) Long assigneeId,
            @Parameter(description = "true: only tickets nobody is assigned to") @RequestParam(required = false)
                    Boolean unassigned,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String customerEmail,
            @RequestParam(required = false) String tag,
            @Parameter(description = "the ticket's number, as people see it") @RequestParam(required = false)
                    Long number,
            @Parameter(description = "words in the subject, or a ticket number") @RequestParam(required = false)
                    String q,
            @Parameter(
                            description =
                                    "updated, created, priority, status, number, subject, customer or assignee; a leading - sorts"
                                            + " descending")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "zero-based") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 200, 25 by default") @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size, 25);
        Long customerId = null;
        if (customerEmail != null && !customerEmail.isBlank()) {
            var customer = customers.findByEmail(customerEmail);
            if (customer.isEmpty()) {
                return new TicketList(List.of(), 0, paging.page(), paging.size());
            }
            customerId = customer.get().id();
        }
        Page<TicketView> result = tickets.find(new TicketQuery(
                statuses(status),
                assigneeId,
                Boolean.TRUE.equals(unassigned),
                teamId == null ? null : List.of(teamId),
                customerId == null ? null : List.of(customerId),
                number,
                q,
                tag,
                sort,
                paging,
                null));
        return new TicketList(result.items(), result.total(), result.page(), result.size());
    }

    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeTicket",
            summary = "Change status, assignee, team, priority or tags",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ChangeTicketRequest.class))))
    TicketView change(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return tickets.change(
                id,
                new ChangeTicket(
                        Codes.parse(TicketStatus.class, JsonFields.text(body, "status"), "status"),
                        JsonFields.optionalId(body, "assigneeId"),
                        JsonFields.optionalId(body, "teamId"),
                        Codes.parse(Priority.class, JsonFields.text(body, "priority"), "priority"),
                        tags(body),
                        version(body)),
                Author.agent(agent));
    }

    record MergeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long intoId) {}

    @PostMapping(value = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "mergeTicket",
            summary = "Merge this ticket into another of the same customer: the conversation moves there, this one"
                    + " closes with a link (mergedInto); answers the ticket merged into",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MergeRequest.class))))
    TicketView merge(@PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        return tickets.merge(id, JsonFields.requiredId(JsonFields.object(body), "intoId"), Author.agent(agent));
    }

    @Schema(
            description = "change: any subset of the PATCH fields (tags replace all tags), and addTags, removeTags, or"
                    + " mergeInto (a ticket id) on its own")
    record BulkRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Long> ids,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BulkChangeRequest change) {}

    record BulkChangeRequest(
            TicketStatus status,
            @Schema(nullable = true) Long assigneeId,
            @Schema(nullable = true) Long teamId,
            Priority priority,
            List<String> tags,
            List<String> addTags,
            List<String> removeTags,
            Long mergeInto) {}

    @PostMapping(value = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeTickets",
            summary = "Change up to 1,000 tickets at once, each on its own; answers what happened to each",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = BulkRequest.class))))
    BulkResult bulk(@RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        List<Long> ids = JsonFields.ids(body, "ids");
        JsonNode change = body.get("change");
        if (change == null || !change.isObject()) {
            throw new InvalidInput("change", "must be a JSON object with the fields to change");
        }
        List<String> add = JsonFields.strings(change, "addTags");
        List<String> remove = JsonFields.strings(change, "removeTags");
        Optional<Long> mergeInto = JsonFields.optionalId(change, "mergeInto");
        return bulk.apply(
                ids,
                new BulkChange(
                        new ChangeTicket(
                                Codes.parse(TicketStatus.class, JsonFields.text(change, "status"), "status"),
                                JsonFields.optionalId(change, "assigneeId"),
                                JsonFields.optionalId(change, "teamId"),
                                Codes.parse(Priority.class, JsonFields.text(change, "priority"), "priority"),
                                tags(change),
                                null),
                        add == null ? null : new LinkedHashSet<>(add),
                        remove == null ? null : new LinkedHashSet<>(remove),
                        mergeInto == null ? null : mergeInto.orElse(null)),
                Author.agent(agent));
    }

    @PostMapping(value = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "addMessage",
            summary = "Reply to the customer (visibility public) or add an internal note")
    MessageView addMessage(
            @PathVariable long id,
            @Valid @RequestBody CreateMessageRequest request,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return message(id, request, List.of(), agent);
    }

    @PostMapping(value = "/{id}/messages/with-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "addMessageWithAttachments",
            summary = "Reply or note with files: a JSON part 'message' and file parts 'attachments'",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            encoding =
                                                    @Encoding(
                                                            name = "message",
                                                            contentType = MediaType.APPLICATION_JSON_VALUE))))
    MessageView addMessageWithAttachments(
            @PathVariable long id,
            @Valid @RequestPart("message") CreateMessageRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return message(id, request, attachments(attachments), agent);
    }

    /** The upload at the message call's own address, as earlier clients send it; documented at /with-attachments. */
    @Hidden
    @PostMapping(value = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MessageView addMessageWithFiles(
            @PathVariable long id,
            @Valid @RequestPart("message") CreateMessageRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return addMessageWithAttachments(id, request, attachments, agent);
    }

    private MessageView message(
            long id, CreateMessageRequest request, List<NewAttachment> files, AgentPrincipal agent) {
        Visibility visibility = request.visibility() == null ? Visibility.PUBLIC : request.visibility();
        AddMessage message =
                new AddMessage(request.body(), request.bodyHtml(), visibility, null, Author.agent(agent), files);
        return request.savedReplyId() == null
                ? tickets.addMessage(id, message)
                : savedReplies.send(id, request.savedReplyId(), message, null, agent.id());
    }

    @DeleteMapping("/{id}/repeat-of")
    @Operation(
            operationId = "unlinkRepeatContact",
            summary = "Say this ticket is not the earlier problem come back: repeatOf goes, and the earlier ticket's"
                    + " outcome returns to what it was before (unless another ticket still repeats it); answers this"
                    + " ticket. A ticket without the link answers unchanged")
    TicketView unlinkRepeat(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return tickets.unlinkRepeat(id, Author.agent(agent));
    }

    @GetMapping("/{id}/audit")
    @Operation(
            operationId = "listTicketChanges",
            summary = "Every change to the ticket: who, what, when, before and after")
    List<AuditEntry> audit(@PathVariable long id) {
        return tickets.audit(id);
    }

    static List<NewAttachment> attachments(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !f.isEmpty()
                        || (f.getOriginalFilename() != null
                                && !f.getOriginalFilename().isBlank()))
                .map(f -> new NewAttachment(f.getOriginalFilename(), f.getContentType(), f::getInputStream))
                .toList();
    }

    static Set<TicketStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(status.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Codes.parse(TicketStatus.class, s, "status"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Absent or null: no expectation; else the version the caller read. */
    private static Integer version(JsonNode body) {
        JsonNode node = body.get("version");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 0) {
            return node.asInt();
        }
        throw new InvalidInput("version", "must be the ticket's version as read, a whole number of 0 or more");
    }

    private static Set<String> tags(JsonNode body) {
        List<String> tags = JsonFields.strings(body, "tags");
        return tags == null ? null : new LinkedHashSet<>(tags);
    }
}
