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
import io.rapport.tickets.ChangeTicket;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewAttachment;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
@Tag(name = "Tickets")
class TicketApi {

    private final Tickets tickets;
    private final Customers customers;

    TicketApi(Tickets tickets, Customers customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    record CustomerInput(String email, String name) {}

    record CreateTicketRequest(
            String subject,
            String body,
            String bodyHtml,
            CustomerInput customer,
            String channel,
            String priority,
            List<String> tags) {}

    record CreateMessageRequest(String body, String bodyHtml, String visibility) {}

    @Schema(description = "Any subset; assigneeId or teamId null unassigns")
    record ChangeTicketRequest(String status, Long assigneeId, Long teamId, String priority, List<String> tags) {}

    record TicketList(List<TicketView> items, long total, int page, int size) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a ticket for a customer (found or created by email)")
    TicketView create(@RequestBody CreateTicketRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        return open(request, List.of(), agent);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a ticket with attachments: a JSON part 'ticket' and file parts 'attachments'")
    TicketView createWithFiles(
            @RequestPart("ticket") CreateTicketRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return open(request, attachments(files), agent);
    }

    private TicketView open(CreateTicketRequest request, List<NewAttachment> files, AgentPrincipal agent) {
        if (request.customer() == null) {
            throw new InvalidInput("customer.email", "is required");
        }
        return tickets.open(new OpenTicket(
                request.subject(),
                request.body(),
                request.bodyHtml(),
                request.customer().email(),
                request.customer().name(),
                request.channel() == null ? Channel.API : Codes.parse(Channel.class, request.channel(), "channel"),
                Codes.parse(Priority.class, request.priority(), "priority"),
                request.tags() == null ? null : new LinkedHashSet<>(request.tags()),
                files,
                Author.agent(agent)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ticket with its whole conversation")
    TicketView get(@PathVariable long id) {
        return tickets.get(id);
    }

    @GetMapping
    @Operation(summary = "List tickets, newest activity first; status takes a comma-separated list")
    TicketList list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long assigneeId,
            @RequestParam(required = false) Boolean unassigned,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String customerEmail,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
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
                customerId,
                q,
                tag,
                sort,
                paging));
        return new TicketList(result.items(), result.total(), result.page(), result.size());
    }

    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change status, assignee, team, priority or tags",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ChangeTicketRequest.class))))
    TicketView change(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        return tickets.change(
                id,
                new ChangeTicket(
                        Codes.parse(TicketStatus.class, text(body, "status"), "status"),
                        optionalId(body, "assigneeId"),
                        optionalId(body, "teamId"),
                        Codes.parse(Priority.class, text(body, "priority"), "priority"),
                        tags(body),
                        body.has("version") ? body.get("version").asInt() : null),
                Author.agent(agent));
    }

    @PostMapping(value = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the customer (visibility public) or add an internal note")
    MessageView addMessage(
            @PathVariable long id,
            @RequestBody CreateMessageRequest request,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return message(id, request, List.of(), agent);
    }

    @PostMapping(value = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply or note with attachments: a JSON part 'message' and file parts 'attachments'")
    MessageView addMessageWithFiles(
            @PathVariable long id,
            @RequestPart("message") CreateMessageRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return message(id, request, attachments(files), agent);
    }

    private MessageView message(
            long id, CreateMessageRequest request, List<NewAttachment> files, AgentPrincipal agent) {
        Visibility visibility = request.visibility() == null
                ? Visibility.PUBLIC
                : Codes.parse(Visibility.class, request.visibility(), "visibility");
        return tickets.addMessage(
                id, new AddMessage(request.body(), request.bodyHtml(), visibility, null, Author.agent(agent), files));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Every change to the ticket: who, what, when, before and after")
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

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInput(field, "must be a string");
        }
        return node.asString();
    }

    private static Optional<Long> optionalId(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.asLong());
        }
        if (node.isString() && node.asString().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(node.asString()));
        }
        throw new InvalidInput(field, "must be an id or null");
    }

    private static Set<String> tags(JsonNode body) {
        JsonNode node = body.get("tags");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInput("tags", "must be a list of strings");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : node) {
            if (!tag.isString()) {
                throw new InvalidInput("tags", "must be a list of strings");
            }
            tags.add(tag.asString());
        }
        return tags;
    }
}
