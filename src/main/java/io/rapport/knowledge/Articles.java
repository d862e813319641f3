package io.rapport.knowledge;

import io.rapport.accounts.Actor;
import io.rapport.accounts.Agents;
import io.rapport.common.Conflict;
import io.rapport.common.Formatting;
import io.rapport.common.Html;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import io.rapport.knowledge.internal.ArticleStore;
import io.rapport.knowledge.internal.ChangeLog;
import io.rapport.tickets.Tickets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base (issue 10, ADR 27): articles with a sanitized rich body, public or internal, in categories, with
 * tags and variants in the desk's languages. Every save is a version with its author and date; a save names the
 * version it started from, and one started from an older version is refused so that nobody's edit is lost. Every
 * change is noted for search in the same transaction.
 */
@Service
public class Articles {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_COMMENT = 1_000;
    public static final int MAX_CATEGORY_NAME = 120;
    /** Deeper than this in a list nobody reads; filters find it. */
    public static final int MAX_LIST_DEPTH = 100_000;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final ArticleStore store;
    private final ChangeLog changes;
    private final Agents agents;
    private final Clock clock;
    private final List<String> languages;

    Articles(
            ArticleStore store,
            ChangeLog changes,
            Agents agents,
            Clock clock,
            @Value("${rapport.languages}") List<String> languages) {
        this.store = store;
        this.changes = changes;
        this.agents = agents;
        this.clock = clock;
        this.languages = List.copyOf(languages);
    }

    /** The languages articles may be written in, the desk's first one first (the help center's default). */
    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    @Transactional
    public Article create(ArticleDraft draft, Actor by) {
        long familyId = 0;
        String language = language(draft.language());
        if (draft.translationOf() != null) {
            Article original = store.find(draft.translationOf())
                    .orElseThrow(() -> new InvalidInput("translationOf", "no article " + draft.translationOf()));
            familyId = original.familyId();
            if (store.family(familyId).stream().anyMatch(a -> a.language().equals(language))) {
                throw variantExists(language);
            }
        }
        long id;
        try {
            id = store.insert(row(draft, familyId, language), by.id(), Times.now(clock));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw variantExists(language);
        }
        changes.noteArticle(id);
        return get(id);
    }

    /** Saves a new version if nobody saved since {@code fromVersion}; else refuses (409, code article.changed). */
    @Transactional
    public Article update(long id, int fromVersion, ArticleDraft draft, Actor by) {
        Article current = get(id);
        if (current.version() != fromVersion) {
            throw changed(current); // before anything else: a stale edit is told so first, not hidden by a typo
        }
        String language = draft.language() == null ? current.language() : language(draft.language());
        if (!language.equals(current.language())
                && store.family(current.familyId()).stream()
                        .anyMatch(a -> a.id() != id && a.language().equals(language))) {
            throw variantExists(language);
        }
        boolean saved;
        try {
            saved = store.update(id, fromVersion, row(draft, current.familyId(), language), by.id(), Times.now(clock));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw variantExists(language);
        }
        if (!saved) {
            throw changed(get(id));
        }
        changes.noteArticle(id);
        return get(id);
    }

    /** Brings back an earlier version as the newest one (the versions between are kept). */
    @Transactional
    public Article restore(long id, int version, int fromVersion, Actor by) {
        Article current = get(id);
        ArticleVersion old = version(id, version);
        ArticleDraft draft = new ArticleDraft(
                old.title(),
                old.bodyHtml(),
                "html",
                old.visibility(),
                current.language(),
                old.categoryId() != null && category(old.categoryId()).isPresent() ? old.categoryId() : null,
                old.tags(),
                null);
        return update(id, fromVersion, draft, by);
    }

    /** Takes an article off the help center and out of search, or brings it back; its versions stay. */
    @Transactional
    public Article setArchived(long id, boolean archived, Actor by) {
        get(id);
        store.setArchived(id, archived, by.id(), Times.now(clock));
        changes.noteArticle(id);
        return get(id);
    }

    public Article get(long id) {
        return store.find(id).orElseThrow(() -> NotFound.of("article", id));
    }

    public Optional<Article> find(long id) {
        return store.find(id);
    }

    /** A public article that is not archived, as the help center shows it; otherwise not found. */
    public Article getPublic(long id) {
        return store.find(id).filter(Article::isPublic).orElseThrow(() -> NotFound.of("article", id));
    }

    public Page<Article> list(
            String language,
            ArticleVisibility visibility,
            Long categoryId,
            String tag,
            boolean archived,
            PageRequest p) {
        if (p.offset() > MAX_LIST_DEPTH) {
            throw new InvalidInput("page", "must be at most " + MAX_LIST_DEPTH / p.size() + " at this size");
        }
        String lang = language == null ? null : language(language);
        String t =
                tag == null ? null : Tickets.checkTags(List.of(tag)).iterator().next();
        var filter = new ArticleStore.Filter(lang, visibility, categoryId, t, archived);
        return new Page<>(store.list(filter, (int) p.offset(), p.size()), store.count(filter), p.page(), p.size());
    }

    /** The article's variants in every language, itself included, oldest first. */
    public List<Article> variants(Article article) {
        return store.family(article.familyId());
    }

    public List<ArticleVersion> versions(long id) {
        get(id);
        return named(store.versions(id));
    }

    public ArticleVersion version(long id, int version) {
        return store.version(id, version)
                .map(v -> named(List.of(v)).getFirst())
                .orElseThrow(() -> NotFound.of("version " + version + " of article", id));
    }

    private List<ArticleVersion> named(List<ArticleVersion> versions) {
        Map<Long, String> names = new HashMap<>();
        return versions.stream()
                .map(v -> new ArticleVersion(
                        v.articleId(),
                        v.version(),
                        v.title(),
                        v.bodyHtml(),
                        v.visibility(),
                        v.categoryId(),
                        v.tags(),
                        v.authorId(),
                        v.authorId() == null
                                ? null
                                : names.computeIfAbsent(
                                        v.authorId(),
                                        a -> agents.find(a).map(x -> x.name()).orElse(null)),
                        v.savedAt()))
                .toList();
    }

    /**
     * The public articles a visitor reading in {@code language} sees: of each article, its variant in that language,
     * else in the desk's first language, else its first variant.
     */
    public List<Article> visibleIn(String language) {
        Map<Long, List<Article>> families = new LinkedHashMap<>();
        for (Article a : store.allPublic()) {
            families.computeIfAbsent(a.familyId(), k -> new ArrayList<>()).add(a);
        }
        List<Article> shown = new ArrayList<>();
        for (List<Article> family : families.values()) {
            shown.add(family.stream()
                    .filter(a -> a.language().equals(language))
                    .findFirst()
                    .or(() -> family.stream()
                            .filter(a -> a.language().equals(defaultLanguage()))
                            .findFirst())
                    .orElse(family.stream()
                            .min(Comparator.comparingLong(Article::id))
                            .orElseThrow()));
        }
        return shown;
    }

    /** The languages public articles are written in, the desk's order. */
    public List<String> publicLanguages() {
        var used = store.allPublic().stream().map(Article::language).distinct().toList();
        return languages.stream().filter(used::contains).toList();
    }

    /** A reader's answer to "Did this help?" on a public article; the same reader answering again replaces it. */
    @Transactional
    public void feedback(long id, String reader, boolean helpful, String comment) {
        getPublic(id);
        if (reader == null || reader.isBlank() || reader.length() > 64) {
            throw new InvalidInput("reader", "is required (at most 64 characters)");
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "must have at most " + MAX_COMMENT + " characters");
        }
        store.feedback(id, reader, helpful, c, Times.now(clock));
    }

    public List<ArticleFeedback> recentFeedback(long id, int limit) {
        return store.recentFeedback(id, limit);
    }

    // ---- categories ----

    public List<ArticleCategory> categories() {
        return store.categories();
    }

    public Optional<ArticleCategory> category(long id) {
        return categories().stream().filter(c -> c.id() == id).findFirst();
    }

    @Transactional
    public ArticleCategory createCategory(String name, Integer position, Map<String, String> names) {
        long id = store.insertCategory(
                categoryName(name, "name"), position == null ? 0 : position, names(names), Times.now(clock));
        return category(id).orElseThrow();
    }

    @Transactional
    public ArticleCategory updateCategory(long id, String name, Integer position, Map<String, String> names) {
        ArticleCategory current = category(id).orElseThrow(() -> NotFound.of("category", id));
        store.updateCategory(
                id,
                name == null ? current.name() : categoryName(name, "name"),
                position == null ? current.position() : position,
                names == null ? current.names() : names(names));
        return category(id).orElseThrow();
    }

    /** Removes a category; its articles stay, in no category. */
    @Transactional
    public void deleteCategory(long id) {
        category(id).orElseThrow(() -> NotFound.of("category", id));
        store.idsInCategory(id).forEach(changes::noteArticle);
        store.deleteCategory(id);
    }

    private Map<String, String> names(Map<String, String> names) {
        if (names == null) {
            return Map.of();
        }
        Map<String, String> clean = new LinkedHashMap<>();
        names.forEach((language, name) -> {
            if (name != null && !name.isBlank()) {
                clean.put(language(language), categoryName(name, "names"));
            }
        });
        return clean;
    }

    private static String categoryName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        String n = SPACES.matcher(name.strip()).replaceAll(" ");
        if (n.length() > MAX_CATEGORY_NAME) {
            throw new InvalidInput(field, "must have at most " + MAX_CATEGORY_NAME + " characters");
        }
        return n;
    }

    // ---- checks ----

    private ArticleStore.Row row(ArticleDraft draft, long familyId, String language) {
        String title = draft.title() == null
                ? ""
                : SPACES.matcher(draft.title().strip()).replaceAll(" ");
        if (title.isEmpty()) {
            throw new InvalidInput("title", "is required");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInput("title", "must have at most " + MAX_TITLE + " characters");
        }
        if (draft.visibility() == null) {
            throw new InvalidInput("visibility", "is required: public or internal");
        }
        if (draft.categoryId() != null && category(draft.categoryId()).isEmpty()) {
            throw new InvalidInput("categoryId", "no category " + draft.categoryId());
        }
        String html = bodyHtml(draft.body(), draft.format());
        String text = Html.toText(html);
        if (text.isBlank()) {
            throw new InvalidInput("body", "is required: an article needs some text");
        }
        return new ArticleStore.Row(
                familyId,
                language,
                draft.visibility(),
                draft.categoryId(),
                title,
                Slugs.of(title),
                html,
                text,
                List.copyOf(Tickets.checkTags(draft.tags())));
    }

    /** The body as safe HTML, read as its format says. */
    static String bodyHtml(String body, String format) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInput("body", "must have at most " + MAX_BODY + " characters");
        }
        String f = format == null
                ? (Jsoup.parseBodyFragment(body).body().children().isEmpty() ? "markdown" : "html")
                : format;
        String html = switch (f) {
            // an article has no attached files: an image naming one (cid:) would show broken
            case "html" -> withoutFileImages(Html.sanitize(body));
            case "markdown" -> Formatting.html(body);
            case "text" -> paragraphs(body);
            default -> throw new InvalidInput("format", "must be html, markdown or text");
        };
        return html == null ? "" : html;
    }

    private static String withoutFileImages(String html) {
        if (html == null || !html.contains("cid:")) {
            return html;
        }
        org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings(new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        document.select("img[src^=cid:]").remove();
        return document.body().html();
    }

    /** Plain text as HTML: blank lines part paragraphs, a line break stays one, nothing is read as markup. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>")
                    .append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replaceAll("\\R", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }

    private String language(String language) {
        if (language == null) {
            return defaultLanguage();
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(l).matches() || !languages.contains(l)) {
            throw new InvalidInput("language", "must be one of the desk's languages: " + String.join(", ", languages));
        }
        return l;
    }

    private static Conflict variantExists(String language) {
        return new Conflict("article.variantExists", "this article already has a variant in " + language, language);
    }

    private static Conflict changed(Article now) {
        return new Conflict(
                "article.changed",
                "the article was saved by someone else since you opened it (it is at version " + now.version()
                        + "); reload it, and apply your change again",
                now.version());
    }
}
