package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.tickets.NewSavedReply;
import io.rapport.tickets.RenderedReply;
import io.rapport.tickets.SavedReplies;
import io.rapport.tickets.SavedReply;
import io.rapport.tickets.TicketStatus;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Saved replies over JSON: the contract's create call, and reading, changing, removing, and rendering on a ticket. */
@RestController
@Tag(
        name = "Saved replies",
        description = "Replies agents start from: personal or shared, with placeholders and actions")
class SavedReplyApi {

    private final SavedReplies replies;

    SavedReplyApi(SavedReplies replies) {
        this.replies = replies;
    }

    @Schema(description = "A saved reply to write")
    record SavedReplyRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = SavedReplies.MAX_TITLE)
            String title,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = SavedReplies.MAX_BODY,
                    description = "plain text; placeholders {{customer.firstName}}, {{customer.name}},"
                            + " {{ticket.number}}, {{ticket.subject}}, {{agent.name}}, {{agent.firstName}}")
            String body,

            @Schema(description = "everyone may use it (supervisors and admins); default: only you")
            Boolean shared,

            @Schema(
                    allowableValues = {"open", "pending", "solved"},
                    description = "sending it also moves the ticket there")
            String status,

            @Schema(description = "sending it also adds these tags")
            List<String> tags,

            @Schema(description = "the reply in other languages: {\"de\": \"Hallo {{customer.firstName}}, ...\"}")
            Map<String, String> variants,

            @Schema(description = "when changing: the version you started from (409 if it moved on)")
            Integer version) {}

    @PostMapping(path = "/api/v1/saved-replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createSavedReply",
            summary = "Save a reply to start from",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SavedReplyRequest.class))))
    SavedReply create(@RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return replies.create(reply(body), agent.id());
    }

    @GetMapping("/api/v1/saved-replies")
    @Operation(operationId = "listSavedReplies", summary = "Your saved replies and the shared ones, by title")
    List<SavedReply> list(@AuthenticationPrincipal AgentPrincipal agent) {
        return replies.usableBy(agent.id());
    }

    @GetMapping("/api/v1/saved-replies/{id}")
    @Operation(operationId = "getSavedReply", summary = "One saved reply you may use")
    SavedReply get(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return replies.visible(id, agent.id());
    }

    @PutMapping(path = "/api/v1/saved-replies/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateSavedReply",
            summary = "Change a saved reply (yours, or a shared one as a supervisor or admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SavedReplyRequest.class))))
    SavedReply update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        Integer version = JsonFields.whole(body, "version", 1, Integer.MAX_VALUE);
        if (version == null) {
            throw new InvalidInput("version", "is required: the version you started from");
        }
        return replies.update(id, version, reply(body), agent.id());
    }

    @DeleteMapping("/api/v1/saved-replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteSavedReply",
            summary = "Remove a saved reply; replies sent from it keep their record")
    void delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        replies.delete(id, agent.id());
    }

    @GetMapping("/api/v1/tickets/{id}/saved-replies")
    @Operation(
            operationId = "ticketSavedReplies",
            summary = "Your saved replies as they read on this ticket: its language, placeholders filled in")
    List<RenderedReply> forTicket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return replies.forTicket(id, agent.id());
    }

    private static NewSavedReply reply(JsonNode body) {
        return new NewSavedReply(
                JsonFields.text(body, "title"),
                JsonFields.text(body, "body"),
                JsonFields.flag(body, "shared"),
                Codes.parse(TicketStatus.class, JsonFields.text(body, "status"), "status"),
                JsonFields.strings(body, "tags"),
                variants(body));
    }

    private static Map<String, String> variants(JsonNode body) {
        JsonNode node = body.get("variants");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInput("variants", "must be an object of languages to replies");
        }
        Map<String, String> variants = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw new InvalidInput("variants", "each reply must be a string");
            }
            variants.put(entry.getKey(), entry.getValue().asString());
        }
        return variants;
    }
}
