package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The edge of the server, where requests are cut off before any feature sees them: body and upload limits, requests the
 * servlet container refuses itself, the error address, and the headers and cookies every answer carries.
 */
@H2Database
class EdgeIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient db;

    /** A chunked body does not declare its length: it is cut off when it crosses the limit, and that is a 413. */
    @Test
    void aChunkedJsonBodyOverTheLimitIs413() throws Exception {
        long before = tickets();
        byte[] chunk = ("{\"subject\":\"big\",\"body\":\"" + "x".repeat(300 * 1024)
                        + "\",\"customer\":{\"email\":\"c@example.com\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Flow.Publisher<java.nio.ByteBuffer> unknownLength =
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(chunk));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                                .header("Authorization", basic())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.fromPublisher(unknownLength))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("limit");
        assertThat(tickets()).isEqualTo(before);
    }

    /** More files than one upload may carry: 413 that says what the limit is. */
    @Test
    void tooManyPartsIs413NamingTheLimit() {
        long number = newTicket("Parts", "parts@example.com").get("number").asLong();
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        agent.get("/tickets/" + number);
        List<String> files = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "f" + i + ".txt")
                .toList();
        HttpResponse<String> page =
                agent.postMultipart("/tickets/" + number + "/messages", Map.of("body", "Many"), files);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("at most 50 parts");

        String boundary = "----b" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(
                "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"message\"\r\nContent-Type: application/json\r\n\r\n{\"body\":\"x\"}\r\n");
        for (String file : files) {
            body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + file
                    + "\"\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        body.append("--" + boundary + "--\r\n");
        var api = admin().postRaw(
                        "/api/v1/tickets/" + idOf(number) + "/messages/with-attachments",
                        "multipart/form-data; boundary=" + boundary,
                        body.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).contains("at most 50 parts");
    }

    /** Requests Tomcat refuses before any code of ours runs still answer problem+json, without a stack trace. */
    @Test
    void theServletContainersOwnRefusalsAreProblems() throws IOException {
        String badUrl = raw("GET /api/v1/tickets/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badUrl).startsWith("HTTP/1.1 400");
        assertThat(badUrl)
                .contains("application/problem+json")
                .contains("\"status\":400")
                .doesNotContain("Tomcat");

        String hugeHeader = raw("GET /api/v1/tickets HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(12_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 400");
        assertThat(hugeHeader).contains("application/problem+json").doesNotContain("Tomcat");

        var direct = anonymous().get("/error");
        assertThat(direct.status()).isEqualTo(404);
        var json = raw("GET /error HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
        assertThat(json).startsWith("HTTP/1.1 404").contains("application/problem+json");
    }

    @Test
    void everyAnswerCarriesThePolicyHeaders() {
        for (String path :
                List.of("/login", "/portal/login", "/api/v1/tickets", "/assets/css/app.css", "/nothing-here")) {
            var answer = anonymous().get(path);
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(answer.header("Permissions-Policy")).as(path).contains("camera=()");
            assertThat(answer.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    /**
     * Every kind of page (each GET route of a page controller) carries the strict Content-Security-Policy: scripts and
     * styles only from this server. A test lists them, and a check finds any new page route the list misses.
     */
    @Test
    void everyPageTypeHasTheStrictContentSecurityPolicy() {
        long number = newTicket("Pages", "pages@example.com").get("number").asLong();
        long agentId = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        String customerEmail = "pages-" + UUID.randomUUID() + "@example.com";
        WebSession customer = WebSession.customer(port, customerEmail);
        customer.get("/portal/tickets/new");
        var created = customer.postMultipart("/portal/tickets", Map.of("subject", "Mine", "body", "Mine"), List.of());
        String mine = created.headers().firstValue("Location").orElseThrow();
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        WebSession stranger = new WebSession(port);
        Map<String, java.util.function.Supplier<HttpResponse<String>>> pages = new java.util.LinkedHashMap<>();
        pages.put("/login", () -> stranger.get("/login"));
        pages.put("/portal/login", () -> stranger.get("/portal/login"));
        pages.put("/portal/link-sent", () -> stranger.get("/portal/link-sent"));
        pages.put("/portal/auth", () -> stranger.get("/portal/auth?token=nothing"));
        pages.put("/portal", () -> customer.get("/portal"));
        pages.put("/portal/tickets", () -> customer.get("/portal/tickets"));
        pages.put("/portal/search", () -> customer.get("/portal/search?q=%22((mine"));
        pages.put("/portal/tickets/new", () -> customer.get("/portal/tickets/new"));
        pages.put("/portal/tickets/{number}", () -> customer.get(mine.substring(mine.indexOf("/portal"))));
        pages.put("/portal/attachments/{id}", () -> customer.get("/portal/attachments/987654321"));
        pages.put("/portal/attachments/{id}/view", () -> customer.get("/portal/attachments/987654321/view"));
        pages.put("/", () -> agent.get("/"));
        pages.put("/tickets", () -> agent.get("/tickets?view=all"));
        pages.put("/tickets/{number}", () -> agent.get("/tickets/" + number));
        pages.put("/tickets/{number}/conversation", () -> agent.get("/tickets/" + number + "/conversation"));
        pages.put(
                "/tickets/{number}/attachments/{attachmentId}",
                () -> agent.get("/tickets/" + number + "/attachments/1"));
        pages.put(
                "/tickets/{number}/attachments/{attachmentId}/view",
                () -> agent.get("/tickets/" + number + "/attachments/1/view"));
        pages.put("/tickets/{number}/events", () -> agent.get("/tickets/987654321/events"));
        pages.put("/tickets/{number}/live", () -> agent.get("/tickets/" + number + "/live"));
        pages.put("/tickets/events", () -> agent.headOfStream("/tickets/events"));
        pages.put("/tickets/new", () -> agent.get("/tickets/new"));
        pages.put("/tickets/filter", () -> agent.get("/tickets/filter?view=all&priority=urgent"));
        pages.put("/customers", () -> agent.get("/customers?q=a"));
        pages.put("/customers/suggest", () -> agent.get("/customers/suggest?q=ex"));
        pages.put("/customers/{id}", () -> agent.get("/customers/987654321"));
        pages.put("/organizations", () -> agent.get("/organizations"));
        pages.put("/organizations/{id}", () -> agent.get("/organizations/987654321"));
        pages.put("/admin", () -> agent.get("/admin"));
        pages.put("/profile", () -> agent.get("/profile"));
        pages.put("/team-load", () -> agent.get("/team-load"));
        pages.put("/admin/routing", () -> agent.get("/admin/routing"));
        pages.put("/my-targets", () -> agent.get("/my-targets"));
        pages.put("/admin/search", () -> agent.get("/admin/search"));
        pages.put("/search", () -> agent.get("/search?q=%22unclosed+(((&type=bogus&page=-4"));
        pages.put("/admin/sla", () -> agent.get("/admin/sla"));
        pages.put("/saved-replies", () -> agent.get("/saved-replies?edit=99999999999999999999"));
        pages.put("/knowledge", () -> agent.get("/knowledge?language=&visibility=zz&category=abc&archived=1&page=-3"));
        pages.put("/knowledge/new", () -> agent.get("/knowledge/new?translationOf=abc&language=zz"));
        pages.put("/knowledge/{id}", () -> agent.get("/knowledge/987654321"));
        pages.put("/knowledge/{id}/versions/{version}", () -> agent.get("/knowledge/987654321/versions/99999999999"));
        pages.put("/knowledge/categories", () -> agent.get("/knowledge/categories"));
        pages.put("/help", () -> stranger.get("/help?lang=%22zz"));
        pages.put("/help/categories/{ref}", () -> stranger.get("/help/categories/99999999999999999999-x"));
        pages.put("/help/articles/{ref}", () -> stranger.get("/help/articles/%E2%82%AC"));
        pages.put("/help/search", () -> stranger.get("/help/search?q=%22unclosed+(((&lang=x"));
        pages.put("/admin/agents", () -> agent.get("/admin/agents"));
        pages.put("/admin/agents/{id}", () -> agent.get("/admin/agents/" + agentId));
        pages.put("/admin/teams", () -> agent.get("/admin/teams"));
        pages.put("/admin/teams/{id}", () -> agent.get("/admin/teams/987654321"));
        pages.put("/admin/tokens", () -> agent.get("/admin/tokens"));
        pages.put("/admin/audit", () -> agent.get("/admin/audit?kind=team&before=x"));
        pages.put("/invite", () -> stranger.get("/invite?token=nothing"));
        pages.put("/admin/mailboxes", () -> agent.get("/admin/mailboxes"));
        pages.put("/admin/mailboxes/{id}", () -> agent.get("/admin/mailboxes/987654321"));
        pages.put("/error", () -> stranger.get("/error"));
        pages.put("(not found)", () -> agent.get("/nothing/here"));
        for (var page : pages.entrySet()) {
            HttpResponse<String> answer = page.getValue().get();
            assertThat(answer.statusCode()).as(page.getKey()).isLessThan(500);
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(page.getKey() + " has the strict policy")
                    .contains("default-src 'self'")
                    .contains("script-src 'self';")
                    .contains("style-src 'self';")
                    .contains("frame-ancestors 'none'");
        }
        var swagger = stranger.get("/swagger-ui/index.html");
        assertThat(swagger.headers().firstValue("Content-Security-Policy").orElse(""))
                .as("Swagger UI may set inline styles, nothing more")
                .contains("style-src 'self' 'unsafe-inline'")
                .contains("script-src 'self';");

        Set<String> routes = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        for (var candidate : scanner.findCandidateComponents("io.rapport")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            if (type.isAnnotationPresent(RestController.class)) {
                continue;
            }
            for (var method : type.getDeclaredMethods()) {
                GetMapping get = method.getAnnotation(GetMapping.class);
                if (get != null) {
                    routes.addAll(List.of(get.value().length > 0 ? get.value() : get.path()));
                }
            }
        }
        assertThat(pages.keySet()).as("every page route is checked").containsAll(routes);
    }

    /** A page past the end of a list says so and leads to the last one; a page number can be typed. */
    @Test
    void aPagePastTheEndSaysSoAndAPageCanBeJumpedTo() {
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Paging",
                                "body",
                                "Paging",
                                "customer",
                                Map.of("email", "paging@example.com")));
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        var past = agent.get("/tickets?view=all&page=999");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body())
                .containsPattern("There is no page 1000: the list has (one page|\\d+ pages)\\.")
                .contains("data-rapport=\"past-the-end\"")
                .doesNotContain("Nice work");
        var typed = agent.get("/tickets?view=all&pageNumber=1");
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).contains("data-rapport=\"ticket-row\"").doesNotContain("past-the-end");
        assertThat(agent.get("/tickets?view=all&pageNumber=abc").statusCode()).isEqualTo(400);
    }

    /** The session cookie is never sent by another site's form, and only over HTTPS when the desk is served over it. */
    @Test
    void sessionCookiesAreSameSiteAndSecureOverHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("JSESSIONID")
                .contains("SameSite=Lax")
                .contains("HttpOnly")
                .doesNotContain("Secure");

        HttpResponse<String> viaHttps = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaHttps.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("SameSite=Lax")
                .contains("Secure");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private long idOf(long number) {
        return admin().get("/api/v1/tickets?number=" + number)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private long tickets() {
        return db.sql("SELECT COUNT(*) FROM tkt_ticket").query(Long.class).single();
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
