package io.rapport.knowledge.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.knowledge.IndexStatus;
import io.rapport.knowledge.MeaningBackfill;
import io.rapport.knowledge.Search;
import io.rapport.web.AdminTab;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's view of this node's search index (ADR 26): how many documents, how far behind the database, and a
 * rebuild with its progress; searches keep answering from the current index meanwhile. Below, the working out of
 * earlier solved tickets' meanings (ADR 33): start, pause, resume, and its progress.
 */
@Controller
class SearchAdminPage {

    static final String PAGE = "/admin/search";

    private final Search search;
    private final MeaningBackfill backfill;

    SearchAdminPage(Search search, MeaningBackfill backfill) {
        this.search = search;
        this.backfill = backfill;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        IndexStatus status = search.status();
        model.addAttribute("status", status);
        model.addAttribute(
                "percent", status.toRebuild() == 0 ? 0 : Math.min(100, 100 * status.rebuilt() / status.toRebuild()));
        model.addAttribute("meanings", backfill.status());
        return "knowledge/admin";
    }

    @PostMapping(PAGE + "/rebuild")
    String rebuild(RedirectAttributes redirect) {
        search.rebuild();
        redirect.addFlashAttribute("saved", "rebuild");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/meanings/start")
    String startMeanings(@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        backfill.start(me.id());
        redirect.addFlashAttribute("meaningsSaved", "started");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/meanings/pause")
    String pauseMeanings(RedirectAttributes redirect) {
        backfill.pause();
        redirect.addFlashAttribute("meaningsSaved", "paused");
        return "redirect:" + PAGE;
    }

    @Bean
    static AdminTab searchTab() {
        return new AdminTab(50, PAGE, "admin.search", "search");
    }
}
