package io.rapport.knowledge.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.knowledge.IndexStatus;
import io.rapport.knowledge.MeaningBackfill;
import io.rapport.knowledge.MeaningBackfillStatus;
import io.rapport.knowledge.Search;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.SearchResults;
import io.rapport.knowledge.Searcher;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Search over JSON (the contract's search call), and this node's index status and rebuild for admins. */
@RestController
@Tag(name = "Search", description = "Relevance-ranked search over tickets and customers, with highlighted snippets")
class SearchApi {

    private final Search search;
    private final MeaningBackfill backfill;

    SearchApi(Search search, MeaningBackfill backfill) {
        this.search = search;
        this.backfill = backfill;
    }

    /** A page of results and how many there are in all (at least that many when {@code totalAtLeast}). */
    record SearchAnswer(List<SearchHit> items, long total, boolean totalAtLeast, int page, int size) {}

    @GetMapping("/api/v1/search")
    @Operation(
            operationId = "search",
            summary = "Search tickets (subject, messages, internal notes, tags, number) and customers (name, address)",
            description = "All plain words must match; \"a phrase\" in quotes, word* for a prefix, a | b for either,"
                    + " -word to exclude. The last word also matches as a prefix unless the text ends in a space."
                    + " Ticket filters (status, channel, assigneeId, from, to, language, tag) leave customers out.")
    SearchAnswer search(
            @RequestParam(required = false) String q,
            @Parameter(description = "ticket, customer or article") @RequestParam(required = false) String type,
            @Parameter(description = "one status or several, comma-separated: new,open") @RequestParam(required = false)
                    String status,
            @Parameter(description = "email, chat, web, messaging, phone or api") @RequestParam(required = false)
                    String channel,
            @RequestParam(required = false) Long assigneeId,
            @Parameter(description = "created at or after: a date (2026-11-01) or an instant")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "created before: a date (the day itself excluded) or an instant")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "ISO 639-1") @RequestParam(required = false) String language,
            @Parameter(description = "a tag the ticket or article carries; repeat for several (all must be there)")
                    @RequestParam(required = false)
                    List<String> tag,
            @Parameter(description = "zero-based") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, 20 by default") @RequestParam(required = false) Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        SearchRequest.Type kind = type == null || type.isBlank()
                ? null
                : switch (type) {
                    case "ticket" -> SearchRequest.Type.TICKET;
                    case "customer" -> SearchRequest.Type.CUSTOMER;
                    case "article" -> SearchRequest.Type.ARTICLE;
                    default -> throw new InvalidInput("type", "must be ticket, customer or article");
                };
        SearchResults found = search.find(
                new SearchRequest(
                        q,
                        kind,
                        statuses(status),
                        channel == null || channel.isBlank()
                                ? null
                                : Codes.of(Codes.parse(Channel.class, channel, "channel")),
                        assigneeId,
                        instant(from, "from"),
                        instant(to, "to"),
                        language(language),
                        tag == null ? Set.of() : new LinkedHashSet<>(tag),
                        p,
                        s),
                Searcher.staff());
        return new SearchAnswer(found.items(), found.total(), found.totalAtLeast(), p, s);
    }

    @GetMapping("/api/v1/search/status")
    @Operation(operationId = "searchStatus", summary = "This node's search index: documents, changes behind, rebuild")
    IndexStatus status() {
        return search.status();
    }

    @PostMapping("/api/v1/search/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "rebuildSearch",
            summary = "Rebuild this node's search index from the database (admins); searches go on meanwhile")
    IndexStatus rebuild() {
        search.rebuild();
        return search.status();
    }

    @GetMapping("/api/v1/search/meanings")
    @Operation(
            operationId = "meaningBackfillStatus",
            summary = "How the working out of earlier solved tickets' meanings stands (ADR 33)")
    MeaningBackfillStatus meanings() {
        return backfill.status();
    }

    @PostMapping("/api/v1/search/meanings/backfill")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "startMeaningBackfill",
            summary = "Work out the meanings of solved tickets that have none, newest first, throttled (admins);"
                    + " resumes a paused one")
    MeaningBackfillStatus startBackfill(@AuthenticationPrincipal AgentPrincipal me) {
        return backfill.start(me.id());
    }

    @PostMapping("/api/v1/search/meanings/backfill/pause")
    @Operation(operationId = "pauseMeaningBackfill", summary = "Pause the working out of meanings (admins)")
    MeaningBackfillStatus pauseBackfill() {
        return backfill.pause();
    }

    private static Set<String> statuses(String status) {
        Set<String> set = new LinkedHashSet<>();
        if (status != null) {
            for (String s : status.split(",")) {
                if (!s.isBlank()) {
                    set.add(Codes.of(Codes.parse(TicketStatus.class, s.strip(), "status")));
                }
            }
        }
        return set;
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        if (!l.matches("[a-z]{2}")) {
            throw new InvalidInput("language", "must be an ISO 639-1 code such as en or de");
        }
        return l;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant at = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new InvalidInput(field, "must be a date between the years 1 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)");
        }
    }
}
