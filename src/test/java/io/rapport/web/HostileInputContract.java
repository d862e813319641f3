package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input never answers 500 and never leaves half a change behind. Every operation of the API document and every
 * form gets a shared list of hostile values (NUL, half a character, overlong text, wrong JSON types, huge numbers,
 * deep nesting) in each of its fields; the answer must be a 4xx (or, for a form, the page again) and no row may have
 * been added. Run on H2 and on PostgreSQL, which refuses a NUL in text.
 */
public abstract class HostileInputContract extends IntegrationTest {

    /** Raw JSON values, each wrong for any field. */
    static final Map<String, String> HOSTILE_JSON = hostileJson();

    /** Stands for a string one character longer than the field takes (its schema's maxLength, else 100,001). */
    static final String OVERLONG = "<overlong>";

    /** Form values wrong for any field: text the desk cannot store, and text longer than any field takes. */
    static final List<String> HOSTILE_TEXT = List.of("a\u0000b", "\u0000", "x".repeat(120_000));

    /** Form values wrong for a number field (an id, a version, a tier). */
    static final List<String> HOSTILE_NUMBERS = List.of("99999999999999999999", "-1", "{}", "1.5");

    static final Set<String> NUMBER_FIELDS = Set.of(
            "level",
            "waitMinutes",
            "firstResponseMinutes",
            "nextResponseMinutes",
            "solutionMinutes",
            "calendarId",
            "tier",
            "capacity",
            "version",
            "assigneeId",
            "teamId",
            "wasAssigneeId",
            "wasTeamId",
            "organizationId",
            "wasOrganizationId",
            "ids",
            "mergeInto",
            "agentId",
            "imapPort",
            "smtpPort",
            "pollSeconds",
            "position",
            "current",
            "categoryId",
            "translationOf");

    static final List<String> HOSTILE_RAW_QUERY = List.of("%00", "a%00b", "%ED%A0%80", "%C0%80", "9".repeat(40), "%25");

    /** Tables that only grow: a refused request must not have added a row to any of them. */
    static final List<String> TABLES = List.of(
            "rtg_rule",
            "sla_calendar",
            "sla_policy",
            "tkt_saved_view",
            "acc_organization",
            "tkt_ticket",
            "tkt_message",
            "tkt_attachment",
            "tkt_tag",
            "acc_customer",
            "acc_customer_identity",
            "acc_agent",
            "acc_team",
            "acc_api_token",
            "acc_magic_link",
            "kn_article",
            "kn_article_version",
            "kn_category",
            "kn_article_feedback",
            "tkt_saved_reply",
            "tkt_saved_reply_variant");

    @Autowired
    JdbcClient db;

    private static Map<String, String> hostileJson() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", "\"a\\u0000b\"");
        values.put("lone surrogate", "\"a\\ud800b\"");
        values.put("lone low surrogate", "\"\\udc00\"");
        values.put("overlong text", OVERLONG);
        values.put("object", "{}");
        values.put("array", "[1, {}]");
        values.put("boolean", "true");
        values.put("fraction", "12.5");
        values.put("huge number", "99999999999999999999");
        values.put("negative", "-1");
        values.put("deep nesting", "[".repeat(3000) + "]".repeat(3000));
        return values;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    // --- the API, operation by operation, from the API document ---

    record Fixtures(long ticketId, long ticketNumber, long agentId, long teamId, long customerId, long attachmentId) {}

    Fixtures fixtures() {
        String email = "hostile-" + UUID.randomUUID() + "@example.com";
        JsonNode ticket = admin().multipart(
                        "/api/v1/tickets/with-attachments",
                        "ticket",
                        Map.of("subject", "Fixture", "body", "For hostile input", "customer", Map.of("email", email)),
                        "fixture.txt",
                        "x".getBytes())
                .json();
        JsonNode agent = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email", "fixture-" + UUID.randomUUID() + "@rapport.test",
                                "name", "Fixture Agent",
                                "password", "fixture-password-1"))
                .json();
        JsonNode team = admin().post("/api/v1/teams", Map.of("name", "Fixture " + UUID.randomUUID()))
                .json();
        ticket = admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).json();
        return new Fixtures(
                ticket.get("id").asLong(),
                ticket.get("number").asLong(),
                agent.get("id").asLong(),
                team.get("id").asLong(),
                ticket.get("customer").get("id").asLong(),
                ticket.get("messages")
                        .get(0)
                        .get("attachments")
                        .get(0)
                        .get("id")
                        .asLong());
    }

    /** A body each operation accepts, so that one hostile field is the only thing wrong with it. */
    static Map<String, Map<String, Object>> validBodies() {
        Map<String, Map<String, Object>> bodies = new HashMap<>();
        bodies.put(
                "createTicket",
                Map.of(
                        "subject", "Hostile",
                        "body", "A body",
                        "customer", Map.of("email", "valid-" + UUID.randomUUID() + "@example.com", "name", "Val"),
                        "priority", "high",
                        "tags", List.of("one")));
        bodies.put("createTicketWithAttachments", bodies.get("createTicket"));
        bodies.put("changeTicket", Map.of("priority", "low"));
        bodies.put("addMessage", Map.of("body", "A reply", "visibility", "internal"));
        bodies.put("addMessageWithAttachments", bodies.get("addMessage"));
        bodies.put(
                "createAgent",
                Map.of(
                        "email",
                        "valid-" + UUID.randomUUID() + "@rapport.test",
                        "name",
                        "Valid",
                        "password",
                        "valid-password-1",
                        "role",
                        "agent",
                        "tier",
                        1,
                        "capacity",
                        3));
        bodies.put("changeAgent", Map.of("name", "Still valid"));
        bodies.put("setAgentPresence", Map.of("status", "away"));
        bodies.put("createTeam", Map.of("name", "Valid " + UUID.randomUUID()));
        bodies.put("createToken", Map.of("name", "Valid token"));
        bodies.put("changeTeam", Map.of("name", "Valid " + UUID.randomUUID()));
        bodies.put("linkTicket", Map.of("relatedId", 987654321));
        bodies.put("setAgentSchedule", Map.of("chatCapacity", 2));
        bodies.put("escalateTicket", Map.of("toTier", 2, "note", "Needs tier 2"));
        bodies.put("createRoutingRule", Map.of("skill", "hostile-skill", "level", 2, "keywords", List.of("hostile")));
        bodies.put("setRoutingSetting", Map.of("mode", "push", "waitMinutes", 2));
        bodies.put(
                "createCalendar",
                Map.of(
                        "name",
                        "Hostile hours",
                        "timezone",
                        "Europe/Berlin",
                        "hours",
                        Map.of("mon", List.of("09:00-17:00")),
                        "holidays",
                        List.of("2026-12-25")));
        bodies.put(
                "createSlaPolicy",
                Map.of(
                        "name",
                        "Hostile policy",
                        "priority",
                        "urgent",
                        "firstResponseMinutes",
                        30,
                        "solutionMinutes",
                        240));
        bodies.put(
                "createArticle",
                Map.of("title", "Hostile", "body", "Text", "visibility", "public", "tags", List.of("one")));
        bodies.put("updateArticle", Map.of("title", "Hostile", "body", "Text", "visibility", "public", "version", 1));
        bodies.put("restoreArticleVersion", Map.of("version", 1));
        return bodies;
    }

    @Test
    void everyApiOperationRefusesHostileValuesWithoutStoringAnything() {
        Fixtures fixtures = fixtures();
        JsonNode document = anonymous().get("/v3/api-docs").json();
        Map<String, Map<String, Object>> valid = validBodies();
        List<String> checked = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    JsonNode operation = method.getValue();
                    String id = operation.get("operationId").asString();
                    String verb = method.getKey().toUpperCase(java.util.Locale.ROOT);
                    Function<String, String> at = value -> path.getKey()
                            .replace("{id}", value)
                            .replace("{number}", value)
                            .replace("{agentId}", value)
                            .replace("{relatedId}", value)
                            .replace("{version}", value);
                    String realPath = at.apply(String.valueOf(fixtureId(path.getKey(), fixtures)))
                            .replace("/versions/" + fixtureId(path.getKey(), fixtures), "/versions/1");
                    checked.add(id);

                    // hostile path values name nothing: 404 (or 400), never 500
                    if (path.getKey().contains("{")) {
                        for (String value : HOSTILE_RAW_QUERY) {
                            refused(
                                    id + " path " + value,
                                    send(verb, at.apply(value), null, null),
                                    Set.of(400, 404, 405, 415));
                        }
                    }
                    // hostile query values, one parameter at a time
                    for (JsonNode parameter : operation.path("parameters")) {
                        if (!"query".equals(parameter.get("in").asString())) {
                            continue;
                        }
                        String name = parameter.get("name").asString();
                        for (String value : HOSTILE_RAW_QUERY) {
                            Api.Response answer = send(verb, realPath + "?" + name + "=" + value, null, null);
                            assertThat(answer.status())
                                    .as(id + " ?" + name + "=" + value + ": " + answer)
                                    .isLessThan(500);
                        }
                    }
                    // hostile JSON, field by field, in an otherwise valid body
                    JsonNode body = operation.path("requestBody").path("content");
                    if (body.has("application/json") || body.has("multipart/form-data")) {
                        Map<String, Object> base = valid.getOrDefault(id, Map.of());
                        Set<String> fields = new TreeSet<>(base.keySet());
                        fields.addAll(properties(document, body));
                        String part = body.has("multipart/form-data")
                                ? body
                                        .get("multipart/form-data")
                                        .path("schema")
                                        .path("properties")
                                        .propertyNames()
                                        .stream()
                                        .filter(n -> !n.equals("attachments"))
                                        .findFirst()
                                        .orElse("body")
                                : null;
                        Map<String, Integer> maxLengths = maxLengths(document, body);
                        Set<String> booleans = booleanFields(document, body);
                        for (String field : fields) {
                            for (var hostile : HOSTILE_JSON.entrySet()) {
                                if (hostile.getKey().equals("boolean") && booleans.contains(field)) {
                                    continue; // true is no wrong type for a yes-or-no field
                                }
                                Map<String, Long> before = counts();
                                String raw = hostile.getValue().equals(OVERLONG)
                                        ? "\"" + "x".repeat(maxLengths.getOrDefault(field, 100_000) + 1) + "\""
                                        : hostile.getValue();
                                String json = withRaw(base, field, raw);
                                Api.Response answer = send(verb, realPath, json, part);
                                refused(id + " " + field + " = " + hostile.getKey(), answer, Set.of());
                                assertThat(counts())
                                        .as(id + " " + field + " = " + hostile.getKey() + ": nothing stored")
                                        .isEqualTo(before);
                            }
                        }
                        for (String whole : List.of(
                                "[]",
                                "\"text\"",
                                "null",
                                "12",
                                "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}")) {
                            Map<String, Long> before = counts();
                            Api.Response answer = send(verb, realPath, whole, part);
                            refused(id + " body " + whole.substring(0, Math.min(20, whole.length())), answer, Set.of());
                            assertThat(counts()).isEqualTo(before);
                        }
                    }
                }));
        assertThat(checked).contains("createTicket", "changeTicket", "addMessage", "createAgent", "listTickets");
    }

    private Long articleId;

    /** An article the API checks read and write (created once). */
    private long articleId() {
        if (articleId == null) {
            articleId = admin().post(
                            "/api/v1/articles", Map.of("title", "Hostile", "body", "Fixture", "visibility", "public"))
                    .json()
                    .get("id")
                    .asLong();
        }
        return articleId;
    }

    private Long savedReplyId;

    /** A saved reply the form checks change (created once). */
    private long savedReplyId() {
        if (savedReplyId == null) {
            savedReplyId = admin().post("/api/v1/saved-replies", Map.of("title", "Hostile", "body", "Fixture"))
                    .json()
                    .get("id")
                    .asLong();
        }
        return savedReplyId;
    }

    private long fixtureId(String path, Fixtures f) {
        if (path.startsWith("/api/v1/tickets")) {
            return f.ticketId();
        }
        if (path.startsWith("/api/v1/agents")) {
            return f.agentId();
        }
        if (path.startsWith("/api/v1/teams")) {
            return f.teamId();
        }
        if (path.startsWith("/api/v1/customers")) {
            return f.customerId();
        }
        if (path.startsWith("/api/v1/attachments")) {
            return f.attachmentId();
        }
        if (path.startsWith("/api/v1/articles")) {
            return articleId();
        }
        return 987654321L; // a token that does not exist: revoking it is refused with 404
    }

    /**
     * The schema of the JSON the operation reads: the body's, or for an upload the schema of its JSON part (the one
     * that is not the files), its $ref resolved.
     */
    private static JsonNode bodySchema(JsonNode document, JsonNode content) {
        if (content.has("multipart/form-data")) {
            JsonNode form = resolve(document, content.get("multipart/form-data").path("schema"));
            for (var part : form.path("properties").properties()) {
                if (!part.getKey().equals("attachments")) {
                    return resolve(document, part.getValue());
                }
            }
        }
        return resolve(document, content.path("application/json").path("schema"));
    }

    /** The fields of the body, with one level of nested objects as a.b. */
    private static Set<String> properties(JsonNode document, JsonNode content) {
        Set<String> names = new TreeSet<>();
        bodySchema(document, content).path("properties").properties().forEach(p -> {
            JsonNode property = resolve(document, p.getValue());
            names.add(p.getKey());
            property.path("properties").propertyNames().forEach(inner -> names.add(p.getKey() + "." + inner));
        });
        return names;
    }

    /** The yes-or-no fields of the body. */
    private static Set<String> booleanFields(JsonNode document, JsonNode content) {
        Set<String> names = new TreeSet<>();
        bodySchema(document, content).path("properties").properties().forEach(p -> {
            if (resolve(document, p.getValue()).path("type").toString().contains("boolean")) {
                names.add(p.getKey());
            }
        });
        return names;
    }

    /** The maxLength of each text field of the body, as the document states it. */
    private static Map<String, Integer> maxLengths(JsonNode document, JsonNode content) {
        Map<String, Integer> lengths = new HashMap<>();
        bodySchema(document, content).path("properties").properties().forEach(p -> {
            JsonNode property = resolve(document, p.getValue());
            if (property.has("maxLength")) {
                lengths.put(p.getKey(), property.get("maxLength").asInt());
            }
            property.path("properties").properties().forEach(inner -> {
                if (inner.getValue().has("maxLength")) {
                    lengths.put(
                            p.getKey() + "." + inner.getKey(),
                            inner.getValue().get("maxLength").asInt());
                }
            });
        });
        return lengths;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
        return document.path("components").path("schemas").path(name);
    }

    /** The body as JSON with one field (a.b for a nested one) replaced by a raw JSON value. */
    @SuppressWarnings("unchecked")
    private static String withRaw(Map<String, Object> base, String field, String raw) {
        String marker = "__hostile_" + UUID.randomUUID() + "__";
        Map<String, Object> body = new LinkedHashMap<>(base);
        if (field.contains(".")) {
            String outer = field.substring(0, field.indexOf('.'));
            Map<String, Object> inner =
                    new LinkedHashMap<>(body.get(outer) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            inner.put(field.substring(field.indexOf('.') + 1), marker);
            body.put(outer, inner);
        } else {
            body.put(field, marker);
        }
        return Api.JSON.writeValueAsString(body).replace("\"" + marker + "\"", raw);
    }

    private Api.Response send(String verb, String path, String json, String multipartPart) {
        Api admin = admin();
        if (json == null) {
            return switch (verb) {
                case "GET" -> admin.get(path);
                case "DELETE" -> admin.delete(path);
                default -> admin.postRaw(path, "application/json", "{}".getBytes());
            };
        }
        if (multipartPart != null) {
            return admin.multipartRaw(path, multipartPart, json);
        }
        return switch (verb) {
            case "PATCH" -> admin.patch(path, json);
            case "PUT" -> admin.put(path, json);
            default -> admin.post(path, json);
        };
    }

    private static void refused(String what, Api.Response answer, Set<Integer> allowed) {
        assertThat(answer.status())
                .as(what + ": " + answer.status() + " " + abbreviated(answer.body()))
                .isBetween(400, 499);
        if (!allowed.isEmpty()) {
            assertThat(allowed).as(what + ": " + answer.status()).contains(answer.status());
        }
        assertThat(answer.contentType()).as(what + " answers problem+json").startsWith("application/problem+json");
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
    }

    // --- forms, as a browser posts them ---

    /** A form and the fields a person fills in. */
    record Form(String who, String path, boolean multipart, Map<String, String> fields) {}

    List<Form> forms(
            long number,
            long customerNumber,
            long agentId,
            long mailboxId,
            long customerId,
            long organizationId,
            long teamId) {
        return List.of(
                new Form("agent", "/admin/teams/" + teamId + "/reply-assigns", false, Map.of("on", "yes")),
                new Form(
                        "agent",
                        "/customers/" + customerId,
                        false,
                        Map.ofEntries(
                                Map.entry("name", "Form Customer"),
                                Map.entry("organizationId", ""),
                                Map.entry("notes", ""),
                                Map.entry("language", ""),
                                Map.entry("wasName", "Form Customer"),
                                Map.entry("wasOrganizationId", ""),
                                Map.entry("wasNotes", ""),
                                Map.entry("wasLanguage", ""))),
                new Form(
                        "agent",
                        "/customers/" + customerId + "/merge",
                        false,
                        Map.of("into", "nobody-" + UUID.randomUUID() + "@example.com", "confirm", "yes")),
                new Form(
                        "agent",
                        "/organizations",
                        false,
                        Map.of("name", "Form Org " + UUID.randomUUID(), "domains", "")),
                new Form(
                        "agent",
                        "/organizations/" + organizationId,
                        false,
                        Map.of(
                                "name", "Form Org",
                                "domains", "",
                                "notes", "",
                                "wasName", "Form Org",
                                "wasDomains", "",
                                "wasNotes", "")),
                new Form(
                        "agent",
                        "/tickets/new",
                        true,
                        Map.ofEntries(
                                Map.entry("customerEmail", "form-new-" + UUID.randomUUID() + "@example.com"),
                                Map.entry("customerName", "Form Caller"),
                                Map.entry("subject", "Called in"),
                                Map.entry("body", "The caller said"),
                                Map.entry("firstMessage", "customer"),
                                Map.entry("channel", "phone"),
                                Map.entry("priority", "normal"),
                                Map.entry("assigneeId", ""),
                                Map.entry("teamId", ""),
                                Map.entry("tags", ""))),
                new Form(
                        "agent",
                        "/tickets/saved-views",
                        false,
                        Map.of("name", "Form view", "view", "all", "f", "priority:urgent", "sort", "-updated")),
                new Form("agent", "/tickets/saved-views/987654321/delete", false, Map.of()),
                new Form("agent", "/tickets/" + number + "/merge", false, Map.of("mergeInto", "1", "confirm", "yes")),
                new Form("agent", "/tickets/" + number + "/repeat-of/remove", false, Map.of()),
                new Form(
                        "agent",
                        "/tickets/bulk",
                        false,
                        Map.of(
                                "ids", String.valueOf(number),
                                "priority", "high",
                                "assigneeId", "",
                                "teamId", "",
                                "status", "",
                                "addTag", "",
                                "mergeInto", "",
                                "back", "/tickets")),
                new Form("anonymous", "/login", false, Map.of("username", ADMIN_EMAIL, "password", "x")),
                new Form("anonymous", "/portal/login", false, Map.of("email", "someone@example.com")),
                new Form("anonymous", "/portal/auth", false, Map.of("token", "nothing")),
                new Form("anonymous", "/portal/language", false, Map.of("lang", "de")),
                new Form(
                        "agent",
                        "/tickets/" + number + "/messages",
                        true,
                        Map.of("body", "Reply", "visibility", "internal", "statusAfter", "")),
                new Form(
                        "agent",
                        "/tickets/" + number,
                        false,
                        Map.ofEntries(
                                Map.entry("status", "open"),
                                Map.entry("priority", "high"),
                                Map.entry("assigneeId", ""),
                                Map.entry("teamId", ""),
                                Map.entry("tags", "a, b"),
                                Map.entry("wasStatus", "open"),
                                Map.entry("wasPriority", "normal"),
                                Map.entry("wasAssigneeId", ""),
                                Map.entry("wasTeamId", ""),
                                Map.entry("wasTags", ""))),
                new Form(
                        "agent",
                        "/admin/agents",
                        false,
                        Map.of(
                                "email", "form-" + UUID.randomUUID() + "@rapport.test",
                                "name", "Form Agent",
                                "password", "form-password-1",
                                "role", "agent",
                                "languages", "en:native",
                                "skills", "billing:3",
                                "tier", "1",
                                "capacity", "5")),
                new Form(
                        "agent",
                        "/admin/agents/" + agentId,
                        false,
                        Map.of(
                                "name",
                                "Renamed",
                                "password",
                                "",
                                "role",
                                "agent",
                                "languages",
                                "",
                                "skills",
                                "",
                                "tier",
                                "1",
                                "capacity",
                                "5",
                                "active",
                                "true")),
                new Form("agent", "/admin/teams", false, Map.of("name", "Form team " + UUID.randomUUID())),
                new Form(
                        "agent",
                        "/admin/routing/rules",
                        false,
                        Map.of(
                                "skill", "form-skill",
                                "level", "3",
                                "keywords", "form-word",
                                "channel", "email",
                                "organizationId", "",
                                "tag", "form-tag")),
                new Form("agent", "/admin/routing/rules/987654321/delete", false, Map.of()),
                new Form("agent", "/admin/search/rebuild", false, Map.of()),
                new Form("agent", "/admin/search/meanings/start", false, Map.of()),
                new Form("agent", "/admin/search/meanings/pause", false, Map.of()),
                new Form(
                        "agent",
                        "/knowledge",
                        false,
                        Map.of(
                                "title", "Form article",
                                "body", "<p>Text</p>",
                                "visibility", "public",
                                "language", "en",
                                "categoryId", "",
                                "tags", "a, b",
                                "translationOf", "")),
                new Form("anonymous", "/help/articles/" + articleId() + "/feedback", false, Map.of("helpful", "no")),
                new Form(
                        "agent",
                        "/knowledge/" + articleId(),
                        false,
                        Map.of(
                                "title", "Hostile",
                                "body", "<p>Fixture</p>",
                                "visibility", "public",
                                "language", "en",
                                "categoryId", "",
                                "tags", "",
                                "version", "1")),
                new Form("agent", "/knowledge/" + articleId() + "/versions/1/restore", false, Map.of("current", "1")),
                new Form("agent", "/knowledge/" + articleId() + "/archive", false, Map.of("archived", "true")),
                new Form("agent", "/knowledge/categories", false, Map.of("name", "Form category", "position", "1")),
                new Form("agent", "/knowledge/categories/987654321/delete", false, Map.of()),
                new Form(
                        "agent",
                        "/saved-replies",
                        false,
                        Map.of(
                                "title", "Form reply",
                                "body", "Hello {{customer.firstName}}",
                                "status", "pending",
                                "tags", "a, b",
                                "shared", "yes",
                                "variant_de", "Hallo")),
                new Form(
                        "agent",
                        "/saved-replies/" + savedReplyId(),
                        false,
                        Map.of("title", "Hostile", "body", "Fixture", "status", "", "tags", "", "version", "1")),
                new Form("agent", "/saved-replies/987654321/delete", false, Map.of()),
                new Form(
                        "agent",
                        "/tickets/" + number + "/suggestions/used",
                        false,
                        Map.of("type", "article", "id", "1")),
                new Form(
                        "agent",
                        "/admin/sla/policies",
                        false,
                        Map.of(
                                "name", "Form policy",
                                "priority", "urgent",
                                "organizationId", String.valueOf(organizationId),
                                "firstResponseMinutes", "30",
                                "nextResponseMinutes", "60",
                                "solutionMinutes", "240",
                                "calendarId", "")),
                new Form("agent", "/admin/sla/policies/987654321/deactivate", false, Map.of()),
                new Form(
                        "agent",
                        "/admin/sla/calendars",
                        false,
                        Map.of(
                                "name", "Form hours",
                                "timezone", "Europe/Berlin",
                                "mon", "09:00-17:00",
                                "sat", "",
                                "holidays", "2026-12-25")),
                new Form(
                        "agent",
                        "/admin/routing/teams",
                        false,
                        Map.of("teamId", String.valueOf(teamId), "mode", "push", "waitMinutes", "2")),
                new Form(
                        "agent",
                        "/admin/tokens",
                        false,
                        Map.of(
                                "name", "Form token",
                                "agentId", String.valueOf(agentId),
                                "scopes", "write",
                                "expires", "2099-12-31")),
                new Form("agent", "/admin/tokens/987654321/revoke", false, Map.of("confirm", "yes")),
                new Form(
                        "agent",
                        "/admin/teams/" + teamId,
                        false,
                        Map.of("name", "Form team " + UUID.randomUUID(), "active", "yes", "replyAssigns", "yes")),
                new Form(
                        "agent",
                        "/admin/teams/" + teamId + "/members",
                        false,
                        Map.of("agentId", String.valueOf(agentId))),
                new Form(
                        "agent",
                        "/admin/teams/" + teamId + "/members/remove",
                        false,
                        Map.of("agentId", String.valueOf(agentId))),
                new Form("agent", "/admin/agents/" + agentId + "/invite", false, Map.of()),
                new Form(
                        "agent",
                        "/admin/agents/" + agentId + "/schedule",
                        false,
                        Map.of("timezone", "Europe/Berlin", "hours.mon", "09:00-17:00", "chatCapacity", "2")),
                new Form("agent", "/tickets/" + number + "/links", false, Map.of("related", "#" + number)),
                new Form(
                        "agent",
                        "/tickets/" + number + "/links/remove",
                        false,
                        Map.of("relatedId", String.valueOf(number))),
                new Form("agent", "/tickets/" + number + "/follow", false, Map.of("follow", "yes")),
                new Form(
                        "agent",
                        "/profile",
                        false,
                        Map.of("name", "Administrator", "signature", "Kind regards", "language", "")),
                new Form("agent", "/profile/presence", false, Map.of("status", "online")),
                new Form(
                        "agent",
                        "/profile/password",
                        false,
                        Map.of(
                                "current",
                                "wrong-password",
                                "password",
                                "form-password-1",
                                "repeat",
                                "form-password-1")),
                new Form(
                        "anonymous",
                        "/invite",
                        false,
                        Map.of("token", "nothing", "password", "form-password-1", "repeat", "form-password-1")),
                new Form(
                        "agent",
                        "/admin/mailboxes",
                        false,
                        Map.ofEntries(
                                Map.entry("name", "Form mailbox"),
                                Map.entry("address", "form-" + UUID.randomUUID() + "@desk.test"),
                                Map.entry("imapHost", "127.0.0.1"),
                                Map.entry("imapPort", "1"),
                                Map.entry("imapSecurity", "none"),
                                Map.entry("imapUsername", "u"),
                                Map.entry("imapPassword", "p"),
                                Map.entry("folder", "INBOX"),
                                Map.entry("smtpHost", "127.0.0.1"),
                                Map.entry("smtpPort", "1"),
                                Map.entry("smtpSecurity", "none"),
                                Map.entry("smtpUsername", ""),
                                Map.entry("smtpPassword", ""),
                                Map.entry("pollSeconds", "3600"),
                                Map.entry("imapVerify", "true"),
                                Map.entry("smtpVerify", "true"))),
                new Form(
                        "agent",
                        "/admin/mailboxes/" + mailboxId,
                        false,
                        Map.ofEntries(
                                Map.entry("name", "Form mailbox"),
                                Map.entry("imapHost", "127.0.0.1"),
                                Map.entry("imapPort", "1"),
                                Map.entry("imapSecurity", "none"),
                                Map.entry("imapUsername", "u"),
                                Map.entry("imapPassword", ""),
                                Map.entry("folder", "INBOX"),
                                Map.entry("smtpHost", "127.0.0.1"),
                                Map.entry("smtpPort", "1"),
                                Map.entry("smtpSecurity", "none"),
                                Map.entry("smtpUsername", ""),
                                Map.entry("smtpPassword", ""),
                                Map.entry("pollSeconds", "3600"),
                                Map.entry("active", "true"),
                                Map.entry("version", ""),
                                Map.entry("imapVerify", "true"),
                                Map.entry("smtpVerify", "true"))),
                new Form("agent", "/admin/mailboxes/" + mailboxId + "/delete", false, Map.of("confirm", "yes")),
                new Form("customer", "/portal/tickets", true, Map.of("subject", "Portal", "body", "From the portal")),
                new Form("customer", "/portal/tickets/" + customerNumber + "/messages", true, Map.of("body", "More")),
                new Form(
                        "customer",
                        "/portal/tickets/" + customerNumber + "/not-solved",
                        false,
                        Map.of("comment", "Still")),
                new Form("customer", "/portal/tickets/" + customerNumber + "/confirm", false, Map.of()),
                new Form("customer", "/portal/logout", false, Map.of()),
                new Form("agent", "/tickets/" + number + "/presence", false, Map.of("state", "viewing")),
                new Form("agent", "/logout", false, Map.of()));
    }

    /** Every POST handler of a page controller is in the list above: a new form cannot escape this test. */
    @Test
    void theFormListCoversEveryPagePost() {
        Set<String> posted = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        for (var candidate : scanner.findCandidateComponents("io.rapport")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (type.isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
                continue;
            }
            String prefix = type.isAnnotationPresent(RequestMapping.class)
                    ? type.getAnnotation(RequestMapping.class).value()[0]
                    : "";
            for (Method method : type.getDeclaredMethods()) {
                PostMapping post = method.getAnnotation(PostMapping.class);
                if (post != null) {
                    for (String path : post.value().length > 0 ? post.value() : post.path()) {
                        posted.add(prefix + path);
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (Form form : forms(1001, 1002, 7, 7, 7, 7, 7)) {
            listed.add(form.path()
                    .replace("/versions/1/", "/versions/{version}/")
                    .replace("/" + articleId() + "/", "/{id}/")
                    .replaceAll("/" + articleId() + "$", "/{id}")
                    .replaceAll("/saved-replies/" + savedReplyId() + "$", "/saved-replies/{id}")
                    .replace("/1001", "/{number}")
                    .replace("/1002", "/{number}")
                    .replace("/7", "/{id}")
                    .replace("/987654321", "/{id}"));
        }
        listed.add("/login"); // Spring Security's own form handler, listed above
        listed.add("/logout");
        posted.add("/login");
        posted.add("/logout");
        assertThat(listed).containsAll(posted);
    }

    @Test
    void everyFormRefusesHostileValuesWithoutStoringAnything() {
        Fixtures fixtures = fixtures();
        String customerEmail = "form-customer-" + UUID.randomUUID() + "@example.com";
        WebSession customer = WebSession.customer(port, customerEmail);
        customer.get("/portal/tickets/new");
        customer.postMultipart("/portal/tickets", Map.of("subject", "Mine", "body", "Mine"), List.of());
        long customerNumber = db.sql("""
                        SELECT t.number FROM tkt_ticket t JOIN acc_customer_identity i ON i.customer_id = t.customer_id
                        WHERE i.address = ?
                        """).param(customerEmail).query(Long.class).single();
        long mailboxId = admin().post(
                        "/api/v1/channels/email",
                        Map.of(
                                "name",
                                "Hostile forms",
                                "address",
                                "hostile-" + UUID.randomUUID() + "@desk.test",
                                "imap",
                                Map.of(
                                        "host",
                                        "127.0.0.1",
                                        "port",
                                        1,
                                        "security",
                                        "none",
                                        "username",
                                        "u",
                                        "password",
                                        "p"),
                                "smtp",
                                Map.of("host", "127.0.0.1", "port", 1, "security", "none"),
                                "pollSeconds",
                                3600))
                .json()
                .get("id")
                .asLong();
        long organizationId = admin().post("/api/v1/organizations", Map.of("name", "Form Org " + UUID.randomUUID()))
                .json()
                .get("id")
                .asLong();
        for (Form form : forms(
                fixtures.ticketNumber(),
                customerNumber,
                fixtures.agentId(),
                mailboxId,
                fixtures.customerId(),
                organizationId,
                fixtures.teamId())) {
            for (String field : form.fields().keySet()) {
                List<String> values = new ArrayList<>(HOSTILE_TEXT);
                if (NUMBER_FIELDS.contains(field)) {
                    values.addAll(HOSTILE_NUMBERS);
                }
                for (String value : values) {
                    WebSession session = switch (form.who()) {
                        case "agent" -> WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
                        case "customer" -> customer;
                        // a stranger's failed sign-ins count against their own address, not the tests' one
                        default -> new WebSession(port).from("203.0.113." + (1 + Math.floorMod(value.hashCode(), 250)));
                    };
                    session.get(pageOf(form.path()));
                    Map<String, String> fields = new HashMap<>(form.fields());
                    fields.put(field, value);
                    Map<String, Long> before = counts();
                    HttpResponse<String> answer = form.multipart()
                            ? session.postMultipart(form.path(), fields, List.of())
                            : session.postForm(form.path(), fields);
                    String what = form.path() + " " + field + "=" + abbreviated(value);
                    assertThat(answer.statusCode())
                            .as(what + " → " + answer.statusCode())
                            .isLessThan(500);
                    assertThat(counts()).as(what + ": nothing stored").isEqualTo(before);
                }
            }
        }
    }

    /** The page a form is on, for its CSRF token. */
    private static String pageOf(String path) {
        if (path.endsWith("/suggestions/used")) {
            return path.substring(0, path.indexOf("/suggestions"));
        }
        if (path.startsWith("/portal/tickets/") && path.split("/").length > 4) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        if (path.startsWith("/tickets/") && path.split("/").length > 3) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        if (path.startsWith("/admin/teams/")) {
            return "/admin/teams";
        }
        if (path.startsWith("/admin/tokens/")) {
            return "/admin/tokens";
        }
        if (path.startsWith("/admin/routing/")) {
            return "/admin/routing";
        }
        if (path.startsWith("/admin/sla/")) {
            return "/admin/sla";
        }
        if (path.startsWith("/admin/search/")) {
            return "/admin/search";
        }
        if (path.startsWith("/help/articles/")) {
            return path.substring(0, path.lastIndexOf('/')) + "-hostile"; // the fixture article's own address
        }
        if (path.startsWith("/saved-replies")) {
            return "/saved-replies";
        }
        if (path.startsWith("/knowledge/categories")) {
            return "/knowledge/categories";
        }
        if (path.startsWith("/knowledge/") && path.split("/").length > 3) {
            return "/knowledge/" + path.split("/")[2];
        }
        if (path.equals("/knowledge")) {
            return "/knowledge/new";
        }
        if (path.startsWith("/admin/mailboxes/") && path.endsWith("/delete")) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        if (path.equals("/tickets/bulk") || path.equals("/tickets/saved-views")) {
            return "/tickets";
        }
        if (path.startsWith("/customers/") && path.endsWith("/merge")) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        if (path.equals("/portal/tickets")) {
            return "/portal/tickets/new";
        }
        if (path.startsWith("/portal/") && !path.startsWith("/portal/tickets")) {
            return "/portal/login";
        }
        return path;
    }

    // --- what the probe of the running desk found, one by one ---

    @Test
    void aBadlyTypedVersionOrIdIsNamedAndANullVersionIsNoExpectation() {
        long id = fixtures().ticketId();
        for (String version : List.of("\"x\"", "{}", "99999999999999999999", "-1", "1.5")) {
            Api.Response answer =
                    admin().patch("/api/v1/tickets/" + id, "{\"priority\":\"low\",\"version\":" + version + "}");
            assertThat(answer.status()).as("version " + version + ": " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("version");
        }
        for (String assignee : List.of("\"x\"", "{}", "99999999999999999999", "[]")) {
            Api.Response answer = admin().patch("/api/v1/tickets/" + id, "{\"assigneeId\":" + assignee + "}");
            assertThat(answer.status())
                    .as("assigneeId " + assignee + ": " + answer)
                    .isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("assigneeId");
        }
        Api.Response noExpectation =
                admin().patch("/api/v1/tickets/" + id, "{\"priority\":\"urgent\",\"version\":null}");
        assertThat(noExpectation.status()).as(noExpectation.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("priority").asString())
                .isEqualTo("urgent");
    }

    @Test
    void textTheDeskCannotStoreAsSentIsRefusedNamingTheField() {
        Map<String, Long> before = counts();
        for (String text : List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"")) {
            Api.Response answer = admin().post(
                            "/api/v1/tickets",
                            "{\"subject\":" + text
                                    + ",\"body\":\"b\",\"customer\":{\"email\":\"surrogate@example.com\"}}");
            assertThat(answer.status()).as(text + ": " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("subject");
            assertThat(answer.json().get("detail").asString()).containsAnyOf("NUL", "half a character");
        }
        assertThat(admin().get("/api/v1/tickets?q=a%00b").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/tickets?customerEmail=a%00b@example.com")
                        .status())
                .isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
        // a character outside the Basic Multilingual Plane is a whole character: stored as sent
        JsonNode emoji = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Card \uD83D\uDCB3 declined",
                                "body",
                                "b",
                                "customer",
                                Map.of("email", "emoji@example.com")))
                .json();
        assertThat(admin().get("/api/v1/tickets/" + emoji.get("id").asLong())
                        .json()
                        .get("subject")
                        .asString())
                .isEqualTo("Card \uD83D\uDCB3 declined");
    }
}
