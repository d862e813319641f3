package io.rapport.knowledge.web;

import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.knowledge.Article;
import io.rapport.knowledge.ArticleCategory;
import io.rapport.knowledge.Articles;
import io.rapport.knowledge.Search;
import io.rapport.knowledge.SearchRequest;
import io.rapport.knowledge.Searcher;
import io.rapport.web.UiLanguages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public help center (issue 10, point 1; ADR 27): public articles in the visitor's language, grouped by category,
 * with its own search and "Did this help?". Addresses are readable and stable: an article's id carries it, its title
 * follows as words, and an address with an old title is sent on to the current one. No sign-in; nothing internal.
 */
@Controller
class HelpCenter {

    static final String[] PUBLIC = {"/help", "/help/**"};
    static final String READER_COOKIE = "rapport-reader";
    private static final Pattern REF = Pattern.compile("(\\d{1,18})(?:-.*)?");

    private final Articles articles;
    private final Search search;
    private final LocaleResolver locales;
    private final String baseUrl;

    HelpCenter(Articles articles, Search search, LocaleResolver locales, @Value("${rapport.base-url}") String baseUrl) {
        this.articles = articles;
        this.search = search;
        this.locales = locales;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A category with the articles shown in it. */
    record Section(ArticleCategory category, String name, String path, List<Article> articles) {}

    @GetMapping("/help")
    String home(
            @RequestParam(required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String language = language(lang, true, request, response, model);
        List<Article> shown = articles.visibleIn(language);
        List<Section> sections = new ArrayList<>();
        for (ArticleCategory c : articles.categories()) {
            List<Article> in = shown.stream()
                    .filter(a -> Long.valueOf(c.id()).equals(a.categoryId()))
                    .toList();
            if (!in.isEmpty()) {
                sections.add(new Section(
                        c,
                        c.nameIn(language),
                        categoryPath(c),
                        in.stream().limit(8).toList()));
            }
        }
        List<Article> loose = shown.stream().filter(a -> a.categoryId() == null).toList();
        if (!loose.isEmpty()) {
            sections.add(new Section(null, null, null, loose));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("empty", shown.isEmpty());
        model.addAttribute("canonical", baseUrl + "/help?lang=" + language);
        return "knowledge/help-home";
    }

    @GetMapping("/help/categories/{ref}")
    String category(
            @PathVariable String ref,
            @RequestParam(required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        long id = id(ref);
        ArticleCategory category = articles.category(id).orElseThrow(() -> NotFound.of("category", id));
        if (articles.visibleIn(articles.defaultLanguage()).stream()
                .noneMatch(a -> Long.valueOf(id).equals(a.categoryId()))) {
            throw NotFound.of("category", id); // a category readers cannot see anything in is not a page of theirs
        }
        String path = categoryPath(category);
        if (!path.equals("/help/categories/" + ref)) {
            String l = lang == null ? null : lang(lang);
            return "redirect:" + encoded(path) + (l == null ? "" : "?lang=" + l);
        }
        String language = language(lang, true, request, response, model);
        List<Article> list = articles.visibleIn(language).stream()
                .filter(a -> Long.valueOf(id).equals(a.categoryId()))
                .toList();
        if (list.isEmpty()) {
            throw NotFound.of("category", id); // a category readers cannot see anything in is not a page of theirs
        }
        model.addAttribute("category", category);
        model.addAttribute("name", category.nameIn(language));
        model.addAttribute("list", list);
        model.addAttribute("canonical", baseUrl + path + "?lang=" + language);
        return "knowledge/help-category";
    }

    @GetMapping("/help/articles/{ref}")
    String article(@PathVariable String ref, HttpServletRequest request, HttpServletResponse response, Model model) {
        Article article = articles.getPublic(id(ref));
        if (!article.helpPath().equals("/help/articles/" + ref)) {
            return "redirect:" + encoded(article.helpPath());
        }
        language(article.language(), false, request, response, model);
        reader(request, response); // before the reader answers "Did this help?"
        model.addAttribute("article", article);
        model.addAttribute("description", description(article));
        model.addAttribute("canonical", baseUrl + article.helpPath());
        List<Article> variants =
                articles.variants(article).stream().filter(Article::isPublic).toList();
        model.addAttribute("variants", variants);
        Map<String, String> alternates = new LinkedHashMap<>();
        variants.forEach(v -> alternates.put(v.language(), baseUrl + v.helpPath()));
        model.addAttribute("alternates", variants.size() > 1 ? alternates : Map.of());
        ArticleCategory category = article.categoryId() == null
                ? null
                : articles.category(article.categoryId()).orElse(null);
        model.addAttribute("category", category);
        model.addAttribute("categoryName", category == null ? null : category.nameIn(article.language()));
        model.addAttribute("categoryPath", category == null ? null : categoryPath(category));
        model.addAttribute(
                "related",
                category == null
                        ? List.of()
                        : articles.visibleIn(article.language()).stream()
                                .filter(a -> a.familyId() != article.familyId()
                                        && category.id() == (a.categoryId() == null ? -1 : a.categoryId()))
                                .limit(5)
                                .toList());
        return "knowledge/help-article";
    }

    @PostMapping("/help/articles/{id}/feedback")
    String feedback(
            @PathVariable long id,
            @RequestParam(required = false) String helpful,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Article article = articles.getPublic(id);
        if (!"yes".equals(helpful) && !"no".equals(helpful)) {
            throw new InvalidInput("helpful", "must be yes or no");
        }
        articles.feedback(id, reader(request, response), "yes".equals(helpful), comment);
        redirect.addFlashAttribute("thanks", helpful);
        return "redirect:" + article.helpPath() + "#feedback";
    }

    @GetMapping("/help/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String language = language(lang, true, request, response, model);
        String words = q == null ? "" : q;
        model.addAttribute("q", words);
        // the articles /help shows in this language (some in the desk's first language where there is no variant),
        // checked against the database too: one made internal a moment ago is not offered while the index catches up
        Set<Long> shown = new java.util.HashSet<>();
        articles.visibleIn(language).forEach(a -> shown.add(a.id()));
        SearchPage.answer(
                search,
                new SearchRequest(
                        words, SearchRequest.Type.ARTICLE, Set.of(), null, null, null, null, null, Set.of(), 0, 100),
                Searcher.visitor(),
                model,
                hit -> shown.contains(hit.id()),
                25);
        return "knowledge/help-search";
    }

    static String categoryPath(ArticleCategory c) {
        String slug = c.slug();
        return "/help/categories/" + c.id() + (slug.isEmpty() ? "" : "-" + slug);
    }

    /** "42-reset-your-password" or "42": the id; anything else is not an address of the help center. */
    private static long id(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * The language the help center speaks on this request: asked for, else the browser's first one articles are
     * written in, else the desk's first. The page's own words follow it where the interface speaks it.
     */
    private String language(
            String asked, boolean chosen, HttpServletRequest request, HttpServletResponse response, Model model) {
        List<String> available = articles.publicLanguages();
        String language = asked == null ? null : lang(asked);
        if (language == null) {
            var preferred = request.getLocales();
            while (preferred.hasMoreElements() && language == null) {
                String l = preferred.nextElement().getLanguage();
                if (available.contains(l)) {
                    language = l;
                }
            }
        }
        if (language == null) {
            language = articles.defaultLanguage();
        }
        if (UiLanguages.supported(language)
                && !language.equals(locales.resolveLocale(request).getLanguage())
                && chosen
                && language.equals(asked == null ? null : lang(asked))) {
            locales.setLocale(request, response, Locale.forLanguageTag(language));
        }
        model.addAttribute("helpLanguage", language);
        List<String> offered = new ArrayList<>(available);
        if (!offered.contains(language)) {
            offered.add(language);
        }
        model.addAttribute("helpLanguages", offered);
        return language;
    }

    /** A language the desk writes in, or null (an address with another one still shows the help center). */
    private String lang(String asked) {
        String l = asked.strip().toLowerCase(Locale.ROOT);
        return articles.languages().contains(l) ? l : null;
    }

    /**
     * Who answered "Did this help?": a random id in a cookie, given with the article page, and kept in the visitor's
     * session too (the page's form needs one anyway): one answer per reader and article. A browser that drops the
     * cookie but keeps its session is still one reader, where each of its answers used to count as a new one.
     */
    private static String reader(HttpServletRequest request, HttpServletResponse response) {
        String fromCookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (READER_COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}")) {
                    fromCookie = c.getValue();
                }
            }
        }
        jakarta.servlet.http.HttpSession session = request.getSession();
        String id = fromCookie != null
                ? fromCookie
                : session.getAttribute(READER_COOKIE) instanceof String kept
                        ? kept
                        : UUID.randomUUID().toString();
        session.setAttribute(READER_COOKIE, id);
        if (fromCookie != null) {
            return id;
        }
        Cookie cookie = new Cookie(READER_COOKIE, id);
        cookie.setPath("/help");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return id;
    }

    /** A path for a Location header: letters beyond ASCII percent-encoded (a raw header would garble them). */
    private static String encoded(String path) {
        return org.springframework.web.util.UriUtils.encodePath(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first words of the article, for search engines' result lines. */
    private static String description(Article article) {
        String text = io.rapport.common.Html.toText(article.bodyHtml()).replaceAll("\\s+", " ");
        return text.length() > 160 ? text.substring(0, 157).strip() + "…" : text;
    }
}
