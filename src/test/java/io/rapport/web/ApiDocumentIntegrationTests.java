package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API document is complete and usable by client generators (the build generates a Java client from
 * docs/api/openapi.json, which ApiClientIntegrationTests uses): it covers every /api/v1 handler, names every operation
 * once, states how to sign in, and answers every refusal as a problem. The committed copy is what the server serves.
 */
@H2Database
class ApiDocumentIntegrationTests extends IntegrationTest {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode served() {
        return anonymous().get("/v3/api-docs").json();
    }

    @Test
    void theCommittedDocumentIsWhatTheServerServes() throws IOException {
        JsonNode served = served();
        JsonNode committed = Api.JSON.readTree(Files.readString(COMMITTED));
        if (!served.equals(committed)) {
            Path fresh = Path.of("target/openapi.json");
            Files.writeString(fresh, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
            throw new AssertionError("The API changed: review " + fresh + " and copy it to " + COMMITTED
                    + " (the Java client is generated from it)");
        }
    }

    @Test
    void everyApiHandlerIsDocumentedUnlessHiddenOnPurpose() {
        JsonNode paths = served().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties()
                .forEach(p -> p.getValue()
                        .propertyNames()
                        .forEach(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> handled = new TreeSet<>();
        for (var entry : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod method = entry.getValue();
            if (method.hasMethodAnnotation(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1")) {
                    info.getMethodsCondition().getMethods().forEach(verb -> handled.add(verb.name() + " " + pattern));
                }
            }
        }
        assertThat(handled).isNotEmpty();
        assertThat(documented).isEqualTo(handled);
    }

    @Test
    void operationsAreNamedOnceSignedInAndRefuseWithProblems() {
        JsonNode document = served();
        assertThat(document.get("info").get("title").asString()).isEqualTo("Rapport API");
        assertThat(document.get("info").get("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(document.get("components").get("securitySchemes").propertyNames())
                .contains("basicAuth", "bearerAuth");
        assertThat(document.get("security").toString()).contains("basicAuth").contains("bearerAuth");
        assertThat(document.get("components")
                        .get("schemas")
                        .get("Problem")
                        .get("properties")
                        .propertyNames())
                .contains("status", "title", "detail", "errors");
        Set<String> ids = new HashSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String id = op.getValue().get("operationId").asString();
                    assertThat(ids.add(id))
                            .as("operationId " + id + " is unique")
                            .isTrue();
                    assertThat(id).as("no numbered duplicates").doesNotMatch(".*[_0-9]$");
                    JsonNode responses = op.getValue().get("responses");
                    responses.properties().forEach(r -> {
                        if (r.getKey().startsWith("4")) {
                            assertThat(r.getValue().get("content").has("application/problem+json"))
                                    .as(id + " " + r.getKey())
                                    .isTrue();
                        }
                        if (r.getKey().startsWith("2") && r.getValue().has("content")) {
                            assertThat(r.getValue().get("content").propertyNames())
                                    .as(id + " answers a media type, not */*")
                                    .doesNotContain("*/*");
                        }
                    });
                    assertThat(responses.propertyNames()).as(id).contains("400", "401");
                }));
        assertThat(document.get("components")
                        .get("schemas")
                        .get("TicketView")
                        .get("required")
                        .toString())
                .contains("\"status\"");
        assertThat(document.get("components")
                        .get("schemas")
                        .get("TicketView")
                        .get("properties")
                        .get("status")
                        .get("enum")
                        .toString())
                .isEqualTo("[\"new\",\"open\",\"pending\",\"solved\",\"closed\"]");
    }
}
