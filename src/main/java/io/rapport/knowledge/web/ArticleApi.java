package io.rapport.knowledge.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.knowledge.Article;
import io.rapport.knowledge.ArticleCategory;
import io.rapport.knowledge.ArticleDraft;
import io.rapport.knowledge.ArticleFeedback;
import io.rapport.knowledge.ArticleVersion;
import io.rapport.knowledge.ArticleVisibility;
import io.rapport.knowledge.Articles;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The knowledge base over JSON: the contract's article call, and editing, versions, feedback and categories. */
@RestController
@Tag(name = "Knowledge base", description = "Articles (public or internal), their versions, feedback and categories")
class ArticleApi {

    private final Articles articles;
    private final String baseUrl;

    ArticleApi(Articles articles, @Value("${rapport.base-url}") String baseUrl) {
        this.articles = articles;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Schema(description = "How readers answered \"Did this help?\"")
    record FeedbackCounts(long helpful, long notHelpful) {}

    @Schema(description = "An article; url is its help-center address when it is public")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ArticleJson(
            long id,

            @Schema(description = "shared by the article's variants in other languages")
            long familyId,

            String language,
            ArticleVisibility visibility,
            Long categoryId,
            String title,
            String slug,
            @Schema(description = "sanitized HTML") String body,
            List<String> tags,

            @Schema(description = "counts saves; send it back when saving")
            int version,

            boolean archived,
            Instant createdAt,
            Instant updatedAt,
            FeedbackCounts feedback,
            String url) {}

    ArticleJson json(Article a) {
        return new ArticleJson(
                a.id(),
                a.familyId(),
                a.language(),
                a.visibility(),
                a.categoryId(),
                a.title(),
                a.slug(),
                a.bodyHtml(),
                a.tags(),
                a.version(),
                a.archived(),
                a.createdAt(),
                a.updatedAt(),
                new FeedbackCounts(a.helpful(), a.notHelpful()),
                a.isPublic() ? baseUrl + a.helpPath() : null);
    }

    @Schema(description = "An article to write")
    record ArticleRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Articles.MAX_TITLE)
            String title,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "rich text, read as format says",
                    maxLength = Articles.MAX_BODY)
            String body,

            @Schema(
                    allowableValues = {"html", "markdown", "text"},
                    description = "absent: html when the body holds an element, else markdown")
            String format,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"public", "internal"})
            String visibility,

            @Schema(description = "ISO 639-1, one of the desk's languages; absent: its first")
            String language,

            Long categoryId,
            List<String> tags,

            @Schema(description = "new articles: make this a variant of that article in another language")
            Long translationOf) {}

    @Schema(description = "An article's new state, and the version it was edited from")
    record ArticleUpdate(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Articles.MAX_TITLE)
            String title,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Articles.MAX_BODY)
            String body,

            @Schema(allowableValues = {"html", "markdown", "text"})
            String format,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"public", "internal"})
            String visibility,

            String language,
            Long categoryId,
            List<String> tags,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "the version this edit started from; a newer one answers 409")
            Integer version) {}

    @PostMapping(path = "/api/v1/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createArticle",
            summary = "Write an article",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ArticleRequest.class))))
    ArticleJson create(@RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return json(articles.create(draft(body, JsonFields.idOrNull(body, "translationOf")), Actor.of(agent)));
    }

    @GetMapping("/api/v1/articles")
    @Operation(operationId = "listArticles", summary = "Articles, most recently changed first")
    Page<ArticleJson> list(
            @Parameter(description = "ISO 639-1") @RequestParam(required = false) String language,
            @Parameter(description = "public or internal") @RequestParam(required = false) String visibility,
            @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String tag,
            @Parameter(description = "true: the archived ones") @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return articles.list(
                        language,
                        Codes.parse(ArticleVisibility.class, visibility, "visibility"),
                        categoryId,
                        tag,
                        Boolean.TRUE.equals(archived),
                        PageRequest.of(page, size, 50))
                .map(this::json);
    }

    @GetMapping("/api/v1/articles/{id}")
    @Operation(operationId = "getArticle", summary = "One article")
    ArticleJson get(@PathVariable long id) {
        return json(articles.get(id));
    }

    @PutMapping(path = "/api/v1/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateArticle",
            summary = "Save a new version of an article; 409 when someone saved since the version named",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ArticleUpdate.class))))
    ArticleJson update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        Integer version = JsonFields.whole(body, "version", 1, Integer.MAX_VALUE);
        if (version == null) {
            throw new InvalidInput("version", "is required: the version this edit started from");
        }
        return json(articles.update(id, version, draft(body, null), Actor.of(agent)));
    }

    @PostMapping("/api/v1/articles/{id}/archive")
    @Operation(operationId = "archiveArticle", summary = "Take an article off the help center and out of search")
    ArticleJson archive(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return json(articles.setArchived(id, true, Actor.of(agent)));
    }

    @PostMapping("/api/v1/articles/{id}/unarchive")
    @Operation(operationId = "unarchiveArticle", summary = "Bring an archived article back")
    ArticleJson unarchive(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return json(articles.setArchived(id, false, Actor.of(agent)));
    }

    @GetMapping("/api/v1/articles/{id}/variants")
    @Operation(operationId = "articleVariants", summary = "The article in every language it is written in")
    List<ArticleJson> variants(@PathVariable long id) {
        return articles.variants(articles.get(id)).stream().map(this::json).toList();
    }

    @GetMapping("/api/v1/articles/{id}/versions")
    @Operation(operationId = "articleVersions", summary = "Every saved version of an article, newest first")
    List<ArticleVersion> versions(@PathVariable long id) {
        return articles.versions(id);
    }

    @GetMapping("/api/v1/articles/{id}/versions/{version}")
    @Operation(operationId = "articleVersion", summary = "One saved version of an article")
    ArticleVersion version(@PathVariable long id, @PathVariable int version) {
        return articles.version(id, version);
    }

    @Schema(description = "The version the article is at now (as when saving)")
    record RestoreRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version) {}

    @PostMapping(path = "/api/v1/articles/{id}/versions/{version}/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "restoreArticleVersion",
            summary = "Make an earlier version the newest one",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = RestoreRequest.class))))
    ArticleJson restore(
            @PathVariable long id,
            @PathVariable int version,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        Integer current = JsonFields.whole(body, "version", 1, Integer.MAX_VALUE);
        if (current == null) {
            throw new InvalidInput("version", "is required: the version the article is at now");
        }
        return json(articles.restore(id, version, current, Actor.of(agent)));
    }

    @Schema(description = "What readers said: the counts and the latest answers with their comments")
    record FeedbackAnswer(FeedbackCounts counts, List<ArticleFeedback> recent) {}

    @GetMapping("/api/v1/articles/{id}/feedback")
    @Operation(operationId = "articleFeedback", summary = "What help-center readers answered to \"Did this help?\"")
    FeedbackAnswer feedback(@PathVariable long id) {
        Article a = articles.get(id);
        return new FeedbackAnswer(new FeedbackCounts(a.helpful(), a.notHelpful()), articles.recentFeedback(id, 50));
    }

    // ---- categories ----

    @Schema(description = "A category of the help center")
    record CategoryRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(description = "ordering, smallest first")
            Integer position,

            @Schema(description = "the name in other languages: {\"de\": \"Rechnungen\"}")
            Map<String, String> names) {}

    @PostMapping(path = "/api/v1/article-categories", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createArticleCategory",
            summary = "Add a category (admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CategoryRequest.class))))
    ArticleCategory createCategory(@RequestBody JsonNode body) {
        JsonFields.object(body);
        return articles.createCategory(
                JsonFields.text(body, "name"), JsonFields.whole(body, "position", -1_000_000, 1_000_000), names(body));
    }

    @GetMapping("/api/v1/article-categories")
    @Operation(operationId = "listArticleCategories", summary = "The help center's categories, in order")
    List<ArticleCategory> categories() {
        return articles.categories();
    }

    @PatchMapping(path = "/api/v1/article-categories/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateArticleCategory",
            summary = "Rename or move a category (admin); fields left out stay",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CategoryRequest.class))))
    ArticleCategory updateCategory(@PathVariable long id, @RequestBody JsonNode body) {
        JsonFields.object(body);
        return articles.updateCategory(
                id,
                JsonFields.text(body, "name"),
                JsonFields.whole(body, "position", -1_000_000, 1_000_000),
                body.has("names") ? names(body) : null);
    }

    @DeleteMapping("/api/v1/article-categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteArticleCategory", summary = "Remove a category (admin); its articles stay")
    void deleteCategory(@PathVariable long id) {
        articles.deleteCategory(id);
    }

    private static Map<String, String> names(JsonNode body) {
        JsonNode node = body.get("names");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInput("names", "must be an object of languages to names");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw new InvalidInput("names", "each name must be a string");
            }
            names.put(entry.getKey(), entry.getValue().asString());
        }
        return names;
    }

    private static ArticleDraft draft(JsonNode body, Long translationOf) {
        String visibility = JsonFields.text(body, "visibility");
        if (visibility == null) {
            throw new InvalidInput("visibility", "is required: public or internal");
        }
        return new ArticleDraft(
                JsonFields.text(body, "title"),
                JsonFields.text(body, "body"),
                JsonFields.text(body, "format"),
                Codes.parse(ArticleVisibility.class, visibility, "visibility"),
                JsonFields.text(body, "language"),
                JsonFields.idOrNull(body, "categoryId"),
                JsonFields.strings(body, "tags"),
                translationOf);
    }
}
