package io.rapport.knowledge.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.Html;
import io.rapport.common.InvalidInput;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.knowledge.Article;
import io.rapport.knowledge.ArticleDraft;
import io.rapport.knowledge.ArticleVisibility;
import io.rapport.knowledge.Articles;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.FormValues;
import io.rapport.web.MenuEntry;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Agents write the knowledge base here (issue 10, point 1; ADR 27): the list, the editor with its versions, variants
 * and readers' feedback, and the help center's categories (admins). A save names the version it started from; when a
 * colleague saved in between, the editor comes back with this agent's text kept and says so, and nothing is lost.
 */
@Controller
class KnowledgePages {

    static final String PAGE = "/knowledge";
    static final int SHOWN = 50;

    /** What the editor posts. */
    record ArticleForm(
            String title,
            String body,
            String visibility,
            String language,
            String categoryId,
            String tags,
            String version,
            String translationOf) {}

    private final Articles articles;
    private final PageErrors errors;

    KnowledgePages(Articles articles, PageErrors errors) {
        this.articles = articles;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String list(
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String archived,
            @RequestParam(required = false) Integer page,
            Model model) {
        String lang = language != null && articles.languages().contains(language) ? language : null;
        ArticleVisibility vis = "public".equals(visibility)
                ? ArticleVisibility.PUBLIC
                : "internal".equals(visibility) ? ArticleVisibility.INTERNAL : null;
        Long categoryId = category != null && category.matches("\\d{1,18}") ? Long.valueOf(category) : null;
        boolean showArchived = "true".equals(archived);
        int p = page == null || page < 0 ? 0 : Math.min(page, 10_000);
        Page<Article> found = articles.list(lang, vis, categoryId, null, showArchived, new PageRequest(p, SHOWN));
        model.addAttribute("found", found);
        model.addAttribute("language", lang == null ? "" : lang);
        model.addAttribute("visibility", vis == null ? "" : vis.code());
        model.addAttribute("category", categoryId == null ? "" : categoryId.toString());
        model.addAttribute("archived", showArchived);
        model.addAttribute("languages", articles.languages());
        model.addAttribute("categories", articles.categories());
        return "knowledge/articles";
    }

    @GetMapping(PAGE + "/new")
    String create(
            @RequestParam(required = false) String translationOf,
            @RequestParam(required = false) String language,
            Model model) {
        Article original = translationOf != null && translationOf.matches("\\d{1,18}")
                ? articles.find(Long.parseLong(translationOf)).orElse(null)
                : null;
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    original == null
                            ? new ArticleForm("", "", "public", articles.defaultLanguage(), "", "", "", "")
                            : new ArticleForm(
                                    original.title(),
                                    original.bodyHtml(),
                                    original.visibility().code(),
                                    language != null && articles.languages().contains(language) ? language : "",
                                    original.categoryId() == null
                                            ? ""
                                            : original.categoryId().toString(),
                                    String.join(", ", original.tags()),
                                    "",
                                    Long.toString(original.id())));
        }
        model.addAttribute("original", original);
        editorModel(model);
        return "knowledge/editor";
    }

    @PostMapping(PAGE)
    String add(
            @ModelAttribute ArticleForm form,
            @AuthenticationPrincipal AgentPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        try {
            Article article = articles.create(
                    draft(form, FormValues.optionalNumber(form.translationOf(), "translationOf")), Actor.of(me));
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + PAGE + "/" + article.id();
        } catch (InvalidInput | Conflict e) {
            model.addAttribute("error", errors.describe(e));
            model.addAttribute("form", kept(form));
            model.addAttribute(
                    "original",
                    form.translationOf() != null && form.translationOf().matches("\\d{1,18}")
                            ? articles.find(Long.parseLong(form.translationOf()))
                                    .orElse(null)
                            : null);
            editorModel(model);
            return "knowledge/editor";
        }
    }

    @GetMapping(PAGE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        Article article = articles.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form(article));
        }
        articleModel(article, model);
        return "knowledge/editor";
    }

    @PostMapping(PAGE + "/{id}")
    String save(
            @PathVariable long id,
            @ModelAttribute ArticleForm form,
            @AuthenticationPrincipal AgentPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        articles.get(id);
        try {
            Long from = FormValues.optionalNumber(form.version(), "version");
            if (from == null) {
                throw new InvalidInput("version", "is required: the version this edit started from");
            }
            articles.update(id, version(from), draft(form, null), Actor.of(me));
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + PAGE + "/" + id;
        } catch (InvalidInput | Conflict e) {
            Article now = articles.get(id);
            boolean stale = e instanceof Conflict c && "article.changed".equals(c.code());
            model.addAttribute("error", errors.describe(e));
            model.addAttribute("stale", stale);
            if (stale) {
                model.addAttribute(
                        "theirCategory",
                        now.categoryId() == null
                                ? null
                                : articles.category(now.categoryId())
                                        .map(c -> c.name())
                                        .orElse(null));
            }
            // this agent's text stays in the editor; after a colleague's save, saving again applies it over their
            // version, which the page shows beside it (otherwise the version stays the one the edit started from)
            ArticleForm mine = kept(form);
            model.addAttribute(
                    "form",
                    new ArticleForm(
                            mine.title(),
                            mine.body(),
                            mine.visibility(),
                            mine.language(),
                            mine.categoryId(),
                            mine.tags(),
                            stale ? Integer.toString(now.version()) : mine.version(),
                            null));
            articleModel(now, model);
            return "knowledge/editor";
        }
    }

    @GetMapping(PAGE + "/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model) {
        Article article = articles.get(id);
        model.addAttribute("article", article);
        model.addAttribute("old", articles.version(id, version));
        return "knowledge/version";
    }

    @PostMapping(PAGE + "/{id}/versions/{version}/restore")
    String restore(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String current,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            Long from = FormValues.optionalNumber(current, "version");
            if (from == null) {
                throw new InvalidInput("version", "is required: the version the article is at");
            }
            articles.restore(id, version, version(from), Actor.of(me));
            redirect.addFlashAttribute("restored", version);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE + "/" + id;
    }

    @PostMapping(PAGE + "/{id}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(required = false) String archived,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        boolean archive = !"false".equals(archived);
        articles.setArchived(id, archive, Actor.of(me));
        redirect.addFlashAttribute("archivedNow", archive);
        return "redirect:" + PAGE + "/" + id;
    }

    // ---- categories (admins) ----

    @GetMapping(PAGE + "/categories")
    String categories(Model model) {
        model.addAttribute("categories", articles.categories());
        model.addAttribute("languages", articles.languages());
        return "knowledge/categories";
    }

    @PostMapping(PAGE + "/categories")
    String addCategory(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String position,
            @RequestParam Map<String, String> all,
            RedirectAttributes redirect) {
        try {
            Long at = FormValues.optionalNumber(position, "position");
            articles.createCategory(name, at == null ? null : (int) Math.min(at, 1_000_000), names(all));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE + "/categories";
    }

    @PostMapping(PAGE + "/categories/{id}/delete")
    String deleteCategory(@PathVariable long id, RedirectAttributes redirect) {
        articles.deleteCategory(id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:" + PAGE + "/categories";
    }

    /** "name_de" fields: the category's name in other languages. */
    private Map<String, String> names(Map<String, String> all) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String language : articles.languages()) {
            String n = all.get("name_" + language);
            if (n != null && !n.isBlank()) {
                names.put(language, n);
            }
        }
        return names;
    }

    /** A version as typed: one beyond any an article reaches is simply not its version (a conflict, not a 500). */
    private static int version(long typed) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, typed));
    }

    @Bean
    static MenuEntry knowledgeEntry() {
        return new MenuEntry(Area.STAFF, 12, PAGE, "nav.knowledge", "knowledge", Authorities.STAFF);
    }

    private void articleModel(Article article, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("versions", articles.versions(article.id()));
        model.addAttribute("variants", articles.variants(article));
        model.addAttribute(
                "missingLanguages",
                articles.languages().stream()
                        .filter(l -> articles.variants(article).stream()
                                .noneMatch(v -> v.language().equals(l)))
                        .toList());
        model.addAttribute("feedback", articles.recentFeedback(article.id(), 10));
        editorModel(model);
    }

    private void editorModel(Model model) {
        model.addAttribute("languages", articles.languages());
        model.addAttribute("categories", articles.categories());
    }

    private static ArticleForm form(Article a) {
        return new ArticleForm(
                a.title(),
                a.bodyHtml(),
                a.visibility().code(),
                a.language(),
                a.categoryId() == null ? "" : a.categoryId().toString(),
                String.join(", ", a.tags()),
                Integer.toString(a.version()),
                null);
    }

    /** The form as sent, its body made safe to put back into the editor. */
    private static ArticleForm kept(ArticleForm f) {
        String body = f.body() == null ? "" : f.body();
        String safe = Html.sanitize(body.length() > Articles.MAX_BODY ? body.substring(0, Articles.MAX_BODY) : body);
        return new ArticleForm(
                f.title(),
                safe == null ? "" : safe,
                f.visibility(),
                f.language(),
                f.categoryId(),
                f.tags(),
                f.version(),
                f.translationOf());
    }

    private static ArticleDraft draft(ArticleForm f, Long translationOf) {
        List<String> tags = f.tags() == null || f.tags().isBlank()
                ? List.of()
                : Arrays.stream(f.tags().split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new ArticleDraft(
                f.title(),
                f.body(),
                "html",
                Codes.parse(
                        ArticleVisibility.class,
                        f.visibility() == null || f.visibility().isBlank() ? null : f.visibility(),
                        "visibility"),
                f.language() == null || f.language().isBlank() ? null : f.language(),
                FormValues.optionalNumber(f.categoryId(), "categoryId"),
                tags,
                translationOf);
    }
}
