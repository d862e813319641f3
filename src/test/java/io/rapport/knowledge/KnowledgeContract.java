package io.rapport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base (issue 10, point 1) over the API and in the help center: the contract's article call, sanitized
 * bodies, versions that never lose an edit, language variants, categories, search by who may read what, archiving,
 * readers' feedback, and readable addresses; on H2 and PostgreSQL. Tests share one database, so each uses words of its
 * own.
 */
abstract class KnowledgeContract extends IntegrationTest {

    @Autowired
    Search search;

    @Autowired
    Articles articles;

    static String word() {
        return unique("kb").replace("-", "");
    }

    JsonNode article(Map<String, Object> fields) {
        var r = admin().post("/api/v1/articles", fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode article(String title, String body, String visibility) {
        return article(Map.of("title", title, "body", body, "visibility", visibility));
    }

    static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    List<Long> found(String query) {
        search.catchUp();
        var r = admin().get("/api/v1/search?type=article&q=" + q(query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void anArticleIsWrittenAsTheContractSays() {
        String w = word();
        JsonNode a = article(Map.of(
                "title",
                "Reset your password " + w,
                "body",
                "<p>Open <b>Settings</b>, then choose <i>Reset password</i>.</p>",
                "visibility",
                "public",
                "language",
                "en",
                "tags",
                List.of("Login", "password")));
        long id = a.get("id").asLong();
        assertThat(a.get("url").asString()).endsWith("/help/articles/" + id + "-reset-your-password-" + w);
        assertThat(a.get("tags").toString()).isEqualTo("[\"login\",\"password\"]");
        assertThat(a.get("version").asInt()).isEqualTo(1);
        assertThat(a.get("language").asString()).isEqualTo("en");
        assertThat(a.get("body").asString()).contains("<b>Settings</b>");

        JsonNode internal = article("Refund exceptions " + w, "Only a team lead approves these.", "internal");
        assertThat(internal.has("url"))
                .as("an internal article has no public address")
                .isFalse();
        assertThat(admin().get("/api/v1/articles/" + id).json().get("title").asString())
                .isEqualTo("Reset your password " + w);
    }

    @Test
    void hostileHtmlIsRemovedAndPlainTextKeepsItsParagraphs() {
        String w = word();
        JsonNode a = article(
                "Hostile " + w,
                "<p onclick=\"steal()\">Hello<script>alert(1)</script></p><img src=x onerror=alert(2)>"
                        + "<a href=\"javascript:alert(3)\">link</a><iframe src=\"https://evil\"></iframe>",
                "public");
        String body = a.get("body").asString();
        assertThat(body).contains("Hello").doesNotContain("script", "onerror", "onclick", "javascript", "iframe");

        JsonNode text = article(Map.of(
                "title",
                "Plain " + w,
                "body",
                "First <b>line</b>\nsecond line\n\nNew paragraph",
                "format",
                "text",
                "visibility",
                "public"));
        assertThat(text.get("body").asString())
                .isEqualTo("<p>First &lt;b&gt;line&lt;/b&gt;<br>second line</p><p>New paragraph</p>");

        JsonNode markdown = article("Markdown " + w, "## Steps\n\n1. Open\n2. Close", "public");
        assertThat(markdown.get("body").asString()).contains("<h2>Steps</h2>", "<ol>", "<li>Open</li>");
    }

    @Test
    void savingFromAnOlderVersionIsRefusedAndVersionsKeepWhoWroteWhat() {
        String w = word();
        long id = article("Shipping times " + w, "Parcels take 3 days.", "public")
                .get("id")
                .asLong();
        var second = admin().put(
                        "/api/v1/articles/" + id,
                        Map.of(
                                "title",
                                "Shipping times " + w,
                                "body",
                                "Parcels take 2 days.",
                                "visibility",
                                "public",
                                "version",
                                1));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        // a colleague who opened version 1 saves: refused, naming the version it is at; nothing is overwritten
        var stale = admin().put(
                        "/api/v1/articles/" + id,
                        Map.of(
                                "title",
                                "Shipping " + w,
                                "body",
                                "Parcels take 5 days.",
                                "visibility",
                                "public",
                                "version",
                                1));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body()).contains("version 2");
        assertThat(admin().get("/api/v1/articles/" + id).json().get("body").asString())
                .contains("2 days");
        // stale and wrong at once: told it is stale first (fixing the typo alone would overwrite version 2)
        var staleAndWrong = admin().put(
                        "/api/v1/articles/" + id,
                        Map.of(
                                "title",
                                "Shipping " + w,
                                "body",
                                "x",
                                "visibility",
                                "public",
                                "tags",
                                List.of("a/b"),
                                "version",
                                1));
        assertThat(staleAndWrong.status()).as(staleAndWrong.toString()).isEqualTo(409);

        JsonNode versions = admin().get("/api/v1/articles/" + id + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("authorName").asString()).isNotBlank();
        assertThat(versions.get(1).get("bodyHtml").asString()).contains("3 days");

        var restored = admin().post("/api/v1/articles/" + id + "/versions/1/restore", Map.of("version", 2));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("version").asInt()).isEqualTo(3);
        assertThat(restored.json().get("body").asString()).contains("3 days");
        assertThat(admin().get("/api/v1/articles/" + id + "/versions").json().size())
                .isEqualTo(3);
    }

    @Test
    void variantsInOtherLanguagesShareTheirFamily() {
        String w = word();
        JsonNode en =
                article(Map.of("title", "Cancel an order " + w, "body", "Open the order.", "visibility", "public"));
        JsonNode de = article(Map.of(
                "title", "Bestellung stornieren " + w,
                "body", "Öffnen Sie die Bestellung.",
                "visibility", "public",
                "language", "de",
                "translationOf", en.get("id").asLong()));
        assertThat(de.get("familyId").asLong()).isEqualTo(en.get("familyId").asLong());
        assertThat(de.get("url").asString()).contains("-bestellung-stornieren-");
        var again = admin().post(
                        "/api/v1/articles",
                        Map.of(
                                "title",
                                "Noch einmal",
                                "body",
                                "x",
                                "visibility",
                                "public",
                                "language",
                                "de",
                                "translationOf",
                                en.get("id").asLong()));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(admin().get("/api/v1/articles/" + en.get("id").asLong() + "/variants")
                        .json()
                        .size())
                .isEqualTo(2);
    }

    @Test
    void searchFindsArticlesAsTheSearcherMayReadThem() {
        String w = word();
        long open = article("Resetting a router " + w, "Unplug the router for ten seconds.", "public")
                .get("id")
                .asLong();
        long staffOnly = article("Router escalations " + w, "Call the network team for a router.", "internal")
                .get("id")
                .asLong();
        assertThat(found(w + " router")).containsExactlyInAnyOrder(open, staffOnly);
        assertThat(found(w + " reset")).as("stemmed: reset finds resetting").containsExactly(open);

        search.catchUp();
        var visitor = search.find(
                new SearchRequest(
                        w + " router",
                        SearchRequest.Type.ARTICLE,
                        Set.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        0,
                        10),
                Searcher.visitor());
        assertThat(visitor.items()).extracting(SearchHit::id).containsExactly(open);
        assertThat(visitor.items().getFirst().url()).startsWith("/help/articles/" + open + "-");
        var customer = search.find(SearchRequest.of(w + " router"), Searcher.customer(Long.MAX_VALUE));
        assertThat(customer.items()).extracting(SearchHit::id).containsExactly(open);

        String help =
                new WebSession(port).get("/help/search?q=" + q(w + " router")).body();
        assertThat(help).contains("Resetting a router").doesNotContain("Router escalations");
    }

    @Test
    void anArchivedArticleLeavesTheHelpCenterAndSearchUntilItIsBack() {
        String w = word();
        JsonNode a = article("Old price list " + w, "Prices of 2025.", "public");
        long id = a.get("id").asLong();
        String path = a.get("url").asString().replaceFirst("^https?://[^/]+", "");
        assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(200);
        assertThat(admin().post("/api/v1/articles/" + id + "/archive", Map.of()).status())
                .isEqualTo(200);
        assertThat(found(w)).isEmpty();
        assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(404);
        assertThat(admin().post("/api/v1/articles/" + id + "/unarchive", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(found(w)).containsExactly(id);
    }

    @Test
    void theHelpCenterHasReadableAddressesAndShowsOnlyPublicArticles() {
        String w = word();
        JsonNode a = article("Change your plan " + w, "Go to Billing, then Plan.", "public");
        long id = a.get("id").asLong();
        String canonical = "/help/articles/" + id + "-change-your-plan-" + w;
        WebSession visitor = new WebSession(port);
        var page = visitor.get(canonical);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Change your plan " + w, "rel=\"canonical\"", "Go to Billing, then Plan.");
        // an old title, no title, or a shared link with a query: sent on to the current address
        for (String old : List.of("/help/articles/" + id + "-old-title", "/help/articles/" + id)) {
            var moved = visitor.get(old);
            assertThat(moved.statusCode()).as(old).isIn(301, 302);
            assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(canonical);
        }
        long internal = article("Internal only " + w, "Staff notes.", "internal")
                .get("id")
                .asLong();
        assertThat(visitor.get("/help/articles/" + internal).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/help/articles/not-a-number").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/help/articles/99999999999").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/help?lang=xx").statusCode()).isEqualTo(200);
        String home = visitor.get("/help").body();
        assertThat(home).contains("Change your plan " + w).doesNotContain("Internal only " + w);
    }

    @Test
    void theHelpCenterSpeaksTheVisitorsLanguage() {
        String w = word();
        var category = admin().post(
                        "/api/v1/article-categories",
                        Map.of("name", "Billing " + w, "names", Map.of("de", "Rechnungen " + w)));
        assertThat(category.status()).as(category.toString()).isEqualTo(201);
        long categoryId = category.json().get("id").asLong();
        JsonNode en = article(Map.of(
                "title",
                "Download an invoice " + w,
                "body",
                "Open Billing.",
                "visibility",
                "public",
                "categoryId",
                categoryId));
        article(Map.of(
                "title",
                "Rechnung herunterladen " + w,
                "body",
                "Öffnen Sie Rechnungen.",
                "visibility",
                "public",
                "language",
                "de",
                "categoryId",
                categoryId,
                "translationOf",
                en.get("id").asLong()));
        String german = new WebSession(port).get("/help?lang=de").body();
        assertThat(german)
                .contains("Rechnungen " + w, "Rechnung herunterladen " + w)
                .doesNotContain("Download an invoice " + w);
        // an article written only in English is on the German help center too, and its search finds it
        article(Map.of(
                "title",
                "Order a new card " + w,
                "body",
                "Open Cards.",
                "visibility",
                "public",
                "categoryId",
                categoryId));
        assertThat(new WebSession(port).get("/help?lang=de").body()).contains("Order a new card " + w);
        search.catchUp();
        assertThat(new WebSession(port)
                        .get("/help/search?lang=de&q=" + q(w + " card"))
                        .body())
                .contains("Order a new card " + w);
        // a category nobody can read anything in is no page
        long empty = admin().post("/api/v1/article-categories", Map.of("name", "Empty " + w))
                .json()
                .get("id")
                .asLong();
        assertThat(new WebSession(port).get("/help/categories/" + empty).statusCode())
                .isEqualTo(404);
        String english = new WebSession(port).get("/help?lang=en").body();
        assertThat(english).contains("Billing " + w, "Download an invoice " + w);
        String article = new WebSession(port)
                .get("/help/articles/" + en.get("id").asLong())
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String page = new WebSession(port)
                .get(article.replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(page).contains("hreflang=\"de\"");
    }

    @Test
    void addressesOfTitlesBeyondAsciiAreReadableAndRedirectCleanly() {
        String w = word();
        JsonNode polish = article("Zmiana hasła łatwo " + w, "Otwórz ustawienia.", "public");
        assertThat(polish.get("slug").asString()).isEqualTo("zmiana-hasla-latwo-" + w);
        JsonNode russian = article("Смена пароля " + w, "Откройте настройки.", "public");
        long id = russian.get("id").asLong();
        WebSession visitor = new WebSession(port);
        var moved = visitor.get("/help/articles/" + id);
        assertThat(moved.statusCode()).isIn(301, 302);
        String location = moved.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("an ASCII header").matches("[\\x21-\\x7e]+").contains("%D1%81%D0%BC%D0%B5%D0%BD%D0%B0");
        var page = visitor.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).as("the redirect lands, no loop").isEqualTo(200);
        assertThat(page.body()).contains("Смена пароля " + w);
    }

    @Test
    void aReaderAnswersOnceAndMayChangeTheirMind() {
        String w = word();
        long id = article("Track a parcel " + w, "Use the tracking link.", "public")
                .get("id")
                .asLong();
        articles.feedback(id, "reader-" + w, false, "Where is the link?");
        articles.feedback(id, "reader-" + w, false, null);
        articles.feedback(id, "other-" + w, true, null);
        JsonNode counts = admin().get("/api/v1/articles/" + id + "/feedback").json();
        assertThat(counts.get("counts").get("helpful").asLong()).isEqualTo(1);
        assertThat(counts.get("counts").get("notHelpful").asLong()).isEqualTo(1);
        articles.feedback(id, "reader-" + w, true, null);
        counts = admin().get("/api/v1/articles/" + id + "/feedback").json();
        assertThat(counts.get("counts").get("helpful").asLong()).isEqualTo(2);
        assertThat(counts.get("counts").get("notHelpful").asLong()).isZero();

        // through the help center's form, as a visitor
        WebSession visitor = new WebSession(port);
        String path = visitor.get("/help/articles/" + id)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
        assertThat(visitor.get(path).statusCode()).isEqualTo(200);
        var answer = visitor.postForm("/help/articles/" + id + "/feedback", Map.of("helpful", "no", "comment", "x"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(admin().get("/api/v1/articles/" + id)
                        .json()
                        .get("feedback")
                        .get("notHelpful")
                        .asLong())
                .isEqualTo(1);
        // a browser that keeps its session but not the reader cookie is still one reader, who changed their mind
        visitor.forgetCookie("rapport-reader");
        assertThat(visitor.get(path).statusCode()).isEqualTo(200);
        visitor.forgetCookie("rapport-reader");
        assertThat(visitor.postForm("/help/articles/" + id + "/feedback", Map.of("helpful", "yes"))
                        .statusCode())
                .isEqualTo(302);
        JsonNode after = admin().get("/api/v1/articles/" + id).json().get("feedback");
        assertThat(after.get("notHelpful").asLong()).isZero();
        assertThat(after.get("helpful").asLong()).isEqualTo(3);
        var bad = visitor.postForm("/help/articles/" + id + "/feedback", Map.of("helpful", "maybe"));
        assertThat(bad.statusCode()).isEqualTo(400);
        long internal = article("Hidden " + w, "x", "internal").get("id").asLong();
        assertThat(visitor.postForm("/help/articles/" + internal + "/feedback", Map.of("helpful", "yes"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badArticlesAreRefusedNamingTheField() {
        Map<String, Object> good = Map.of("title", "Fine", "body", "Fine text", "visibility", "public");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("title", with(good, "title", "x".repeat(201)));
        cases.put("title ", with(good, "title", "   "));
        cases.put("body", with(good, "body", ""));
        cases.put("body ", with(good, "body", "<script>only()</script>"));
        cases.put("body  ", with(good, "body", "y".repeat(100_001)));
        cases.put("visibility", with(good, "visibility", "secret"));
        cases.put("language", with(good, "language", "xx"));
        cases.put("tags", with(good, "tags", List.of("no spaces allowed!")));
        cases.put("categoryId", with(good, "categoryId", 987654321));
        cases.put("translationOf", with(good, "translationOf", 987654321));
        cases.put("format", with(good, "format", "pdf"));
        cases.forEach((field, body) -> {
            var r = admin().post("/api/v1/articles", body);
            assertThat(r.status()).as(field + ": " + r).isEqualTo(400);
            assertThat(r.body()).as(field).contains(field.strip());
        });
        long id = article("Fine " + word(), "Fine text", "public").get("id").asLong();
        var noVersion = admin().put("/api/v1/articles/" + id, good);
        assertThat(noVersion.status()).as(noVersion.toString()).isEqualTo(400);
        assertThat(noVersion.body()).contains("version");
        assertThat(admin().get("/api/v1/articles/987654321").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/articles/987654321/versions/1").status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsArrangeCategories() {
        JsonNode agent = newAgent("agent");
        var as = new io.rapport.support.Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(as.post("/api/v1/article-categories", Map.of("name", "Nope")).status())
                .isEqualTo(403);
        var written = as.post(
                "/api/v1/articles", Map.of("title", "By an agent " + word(), "body", "Text", "visibility", "internal"));
        assertThat(written.status()).as("every agent writes articles").isEqualTo(201);
        assertThat(as.get("/api/v1/article-categories").status()).isEqualTo(200);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(field, value);
        return copy;
    }
}
