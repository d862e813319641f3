package io.rapport.knowledge.web;

import io.rapport.common.InvalidInput;
import io.rapport.knowledge.Search;
import io.rapport.knowledge.SearchHit;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.SearchResults;
import io.rapport.knowledge.Searcher;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import io.rapport.web.PageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The workspace's search (issue 10, point 2): one box over tickets (subject, messages, notes, tags, number),
 * customers (name, address) and articles (public and internal) that answers as you type, best first, with the words marked where they were found.
 */
@Controller
class SearchPage {

    static final int SHOWN = 25;

    /** A piece of a snippet: plain text, or a word that was searched for. */
    record Part(String text, boolean marked) {}

    /** A result with its snippet in pieces, so the page prints only text (never markup from the index). */
    record Line(SearchHit hit, List<Part> parts) {}

    /**
     * Searches (unless there are no words) and puts the results, their lines and any refusal in the page's model;
     * shared by the workspace's and the portal's search pages.
     */
    static SearchResults answer(Search search, SearchRequest request, Searcher who, Model model) {
        return answer(search, request, who, model, hit -> true, request.size());
    }

    /**
     * As {@link #answer(Search, SearchRequest, Searcher, Model)}, keeping only the hits {@code keep} lets through
     * (checked against the database by the caller), at most {@code shown} of them.
     */
    static SearchResults answer(
            Search search,
            SearchRequest request,
            Searcher who,
            Model model,
            java.util.function.Predicate<SearchHit> keep,
            int shown) {
        SearchResults results = new SearchResults(List.of(), 0);
        if (request.q() != null && !request.q().isBlank()) {
            try {
                SearchResults found = search.find(request, who);
                List<SearchHit> kept = found.items().stream().filter(keep).toList();
                results = new SearchResults(
                        kept.stream().limit(shown).toList(),
                        found.total() - (found.items().size() - kept.size()),
                        found.totalAtLeast());
            } catch (InvalidInput e) {
                model.addAttribute("error", true);
            }
        }
        model.addAttribute("results", results);
        model.addAttribute(
                "lines",
                results.items().stream()
                        .map(h -> new Line(h, parts(h.snippet())))
                        .toList());
        return results;
    }

    /** Splits a snippet (escaped, words in {@code <mark>}) into text pieces. */
    static List<Part> parts(String snippet) {
        List<Part> parts = new ArrayList<>();
        if (snippet == null) {
            return parts;
        }
        int at = 0;
        while (at < snippet.length()) {
            int open = snippet.indexOf("<mark>", at);
            int close = open < 0 ? -1 : snippet.indexOf("</mark>", open);
            if (open < 0 || close < 0) {
                parts.add(new Part(HtmlUtils.htmlUnescape(snippet.substring(at)), false));
                break;
            }
            if (open > at) {
                parts.add(new Part(HtmlUtils.htmlUnescape(snippet.substring(at, open)), false));
            }
            parts.add(new Part(HtmlUtils.htmlUnescape(snippet.substring(open + 6, close)), true));
            at = close + 7;
        }
        return parts;
    }

    private final Search search;

    SearchPage(Search search) {
        this.search = search;
    }

    @GetMapping("/search")
    String page(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page,
            Model model) {
        String words = q == null ? "" : q;
        SearchRequest.Type kind = switch (type == null ? "" : type) {
            case "ticket" -> SearchRequest.Type.TICKET;
            case "customer" -> SearchRequest.Type.CUSTOMER;
            case "article" -> SearchRequest.Type.ARTICLE;
            default -> null;
        };
        int p = page == null || page < 0 ? 0 : Math.min(page, Search.MAX_DEPTH / SHOWN - 1);
        model.addAttribute("q", words);
        model.addAttribute("type", kind == null ? "" : type);
        model.addAttribute("page", p);
        SearchResults results = answer(
                search,
                new SearchRequest(words, kind, Set.of(), null, null, null, null, null, Set.of(), p, SHOWN),
                Searcher.staff(),
                model);
        model.addAttribute("more", (long) (p + 1) * SHOWN < results.total());
        return "knowledge/search";
    }

    @Bean
    static MenuEntry searchEntry() {
        return new MenuEntry(Area.STAFF, 11, "/search", "nav.search", "search", Authorities.STAFF);
    }

    /** Where other modules' pages send a search that should look everywhere (they need not know the address). */
    @Bean
    static PageModel searchAddress() {
        return (area, model) -> {
            if (area == Area.STAFF) {
                model.putIfAbsent("searchEverywhere", "/search");
            }
        };
    }
}
