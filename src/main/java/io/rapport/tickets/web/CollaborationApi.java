package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.tickets.Author;
import io.rapport.tickets.Collaboration;
import io.rapport.tickets.RelatedTicket;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Related tickets and followers over JSON (agents only; customers never see either). */
@RestController
@RequestMapping("/api/v1/tickets/{id}")
@Tag(name = "Tickets")
class CollaborationApi {

    private final Collaboration collaboration;

    CollaborationApi(Collaboration collaboration) {
        this.collaboration = collaboration;
    }

    record LinkRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long relatedId) {}

    record Followers(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Long> agentIds) {}

    @GetMapping("/links")
    @Operation(operationId = "relatedTickets", summary = "The tickets linked to this one as related")
    List<RelatedTicket> related(@PathVariable long id) {
        return collaboration.related(id);
    }

    @PostMapping(value = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "linkTicket",
            summary = "Link a related ticket (both ways; in both tickets' activity); answers the related tickets",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = LinkRequest.class))))
    List<RelatedTicket> link(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        return collaboration.link(id, JsonFields.requiredId(JsonFields.object(body), "relatedId"), Author.agent(agent));
    }

    @DeleteMapping("/links/{relatedId}")
    @Operation(operationId = "unlinkTicket", summary = "Unlink a related ticket; answers the related tickets left")
    List<RelatedTicket> unlink(
            @PathVariable long id, @PathVariable long relatedId, @AuthenticationPrincipal AgentPrincipal agent) {
        return collaboration.unlink(id, relatedId, Author.agent(agent));
    }

    @GetMapping("/followers")
    @Operation(operationId = "ticketFollowers", summary = "The agents told of the ticket's new messages")
    Followers followers(@PathVariable long id) {
        return new Followers(collaboration.followers(id));
    }

    @PutMapping("/followers/{agentId}")
    @Operation(operationId = "followTicket", summary = "An agent (yourself or a colleague) follows the ticket")
    Followers follow(@PathVariable long id, @PathVariable long agentId) {
        return new Followers(collaboration.follow(id, agentId));
    }

    @DeleteMapping("/followers/{agentId}")
    @Operation(operationId = "unfollowTicket", summary = "An agent stops following the ticket")
    Followers unfollow(@PathVariable long id, @PathVariable long agentId) {
        return new Followers(collaboration.unfollow(id, agentId));
    }
}
