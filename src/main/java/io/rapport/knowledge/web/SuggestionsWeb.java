package io.rapport.knowledge.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.NotFound;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.Suggestions;
import io.rapport.knowledge.TicketSuggestions;
import io.rapport.tickets.TicketPanel;
import io.rapport.tickets.Tickets;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Suggestions (issue 10, point 4; ADR 29): the contract's call, the record of a suggestion used, and the ticket page's
 * "Suggestions" panel, where a public article's link goes into the reply with one click.
 */
@RestController
@Tag(name = "Suggestions", description = "The articles and solved tickets most likely to answer a ticket")
class SuggestionsWeb {

    private final TicketSuggestions suggestions;
    private final Tickets tickets;

    SuggestionsWeb(TicketSuggestions suggestions, Tickets tickets) {
        this.suggestions = suggestions;
        this.tickets = tickets;
    }

    @GetMapping("/api/v1/tickets/{id}/suggestions")
    @Operation(
            operationId = "ticketSuggestions",
            summary = "The articles and similar solved tickets most likely to answer this ticket, best first")
    Suggestions forTicket(@PathVariable long id) {
        return suggestions.forTicket(id);
    }

    @Schema(description = "The suggestion an agent used")
    record UsedRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"article", "ticket"})
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long id) {}

    @PostMapping(path = "/api/v1/tickets/{id}/suggestions/used", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "suggestionUsed",
            summary = "Record that an agent used a suggestion on this ticket",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = UsedRequest.class))))
    void used(@PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        suggestions.used(
                id,
                JsonFields.text(body, "type"),
                JsonFields.requiredId(body, "id"),
                agent == null ? null : agent.id());
    }

    /** The ticket page reports a suggestion used (a link inserted, a solved ticket opened). */
    @PostMapping("/tickets/{number}/suggestions/used")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void usedOnPage(
            @PathVariable long number,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String id,
            @AuthenticationPrincipal AgentPrincipal agent) {
        long ticketId = tickets.idOfNumber(number).orElseThrow(() -> NotFound.of("ticket", "#" + number));
        long target = io.rapport.web.FormValues.number(id, "id", "must be an id");
        suggestions.used(ticketId, type, target, agent.id());
    }

    /** The ticket page's panel. */
    @Component
    static class SuggestionsPanel implements TicketPanel {

        private final TicketSuggestions suggestions;
        private final Tickets tickets;
        private final MessageSource messages;
        private final String baseUrl;

        SuggestionsPanel(
                TicketSuggestions suggestions,
                Tickets tickets,
                MessageSource messages,
                @org.springframework.beans.factory.annotation.Value("${rapport.base-url}") String baseUrl) {
            this.suggestions = suggestions;
            this.tickets = tickets;
            this.messages = messages;
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        @Override
        public Optional<TicketPanel.Panel> panel(long ticketId, Locale language) {
            Suggestions found;
            try {
                found = suggestions.forTicket(ticketId);
            } catch (RuntimeException e) {
                // suggestions help; the ticket page must open without them
                org.slf4j.LoggerFactory.getLogger(SuggestionsPanel.class)
                        .warn("Suggestions for ticket {} failed: {}", ticketId, e.toString());
                return Optional.empty();
            }
            if (found.articles().isEmpty() && found.similarTickets().isEmpty()) {
                return Optional.empty();
            }
            long number = tickets.get(ticketId).number();
            String used = "/tickets/" + number + "/suggestions/used";
            List<Entry> entries = new ArrayList<>();
            for (SearchHit a : found.articles()) {
                boolean open = a.url() != null;
                entries.add(new Entry(
                        a.title(),
                        messages.getMessage(
                                open ? "suggestions.article" : "suggestions.internalArticle", null, language),
                        List.of(text(a.snippet())),
                        open ? a.url() : "/knowledge/" + a.id(),
                        // the customer reads it in a mail or the portal: the help center's full address
                        open ? "[" + a.title().replace("]", ")") + "](" + baseUrl + a.url() + ")" : null,
                        used + "?type=article&id=" + a.id()));
            }
            for (SearchHit t : found.similarTickets()) {
                entries.add(new Entry(
                        t.title(),
                        messages.getMessage("suggestions.ticket", new Object[] {t.number()}, language),
                        List.of(text(t.snippet())),
                        "/tickets/" + t.number(),
                        null,
                        used + "?type=ticket&id=" + t.id()));
            }
            return Optional.of(new TicketPanel.Panel(
                    20,
                    "suggestions",
                    messages.getMessage("suggestions.title", null, language),
                    messages.getMessage(
                            "suggestions.summary",
                            new Object[] {
                                found.articles().size(), found.similarTickets().size()
                            },
                            language),
                    List.of(),
                    entries));
        }

        private static String text(String snippet) {
            StringBuilder out = new StringBuilder();
            SearchPage.parts(snippet).forEach(p -> out.append(p.text()));
            return out.toString();
        }
    }
}
