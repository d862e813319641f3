package io.rapport.knowledge.web;

import io.rapport.accounts.CustomerPrincipal;
import io.rapport.knowledge.Search;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.Searcher;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A customer searches their own requests in the portal (ADR 26): only their tickets, only by what they can read there
 * (never by an internal note), and public articles, with the words marked.
 */
@Controller
class PortalSearchPage {

    static final int SHOWN = 25;

    private final Search search;
    private final io.rapport.knowledge.Articles articles;

    PortalSearchPage(Search search, io.rapport.knowledge.Articles articles) {
        this.search = search;
        this.articles = articles;
    }

    @GetMapping("/portal/search")
    String page(@AuthenticationPrincipal CustomerPrincipal me, @RequestParam(required = false) String q, Model model) {
        String words = q == null ? "" : q;
        model.addAttribute("q", words);
        // an article made internal or archived a moment ago is not offered while the index catches up
        SearchPage.answer(
                search,
                new SearchRequest(words, null, Set.of(), null, null, null, null, null, Set.of(), 0, SHOWN),
                Searcher.customer(me.id()),
                model,
                hit -> !"article".equals(hit.type())
                        || articles.find(hit.id())
                                .filter(io.rapport.knowledge.Article::isPublic)
                                .isPresent(),
                SHOWN);
        return "knowledge/portal-search";
    }

    @Bean
    static MenuEntry portalSearchEntry() {
        return new MenuEntry(Area.CUSTOMER, 15, "/portal/search", "portal.nav.search", "search", Authorities.CUSTOMER);
    }
}
