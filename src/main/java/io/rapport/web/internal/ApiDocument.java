package io.rapport.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document at /v3/api-docs, written for people and for client generators: a title, version and description,
 * the two ways to sign in (HTTP Basic, Bearer token) on every operation, and every refusal an operation can answer,
 * each as problem+json (RFC 9457) with the fields it names.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI rapportApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Rapport API").version(version).description("""
                                The support desk's API: tickets and their conversations, agents, teams, customers \
                                and API tokens. Sign in with HTTP Basic (an agent's email and password) or a Bearer \
                                API token (created by an admin, shown once). Times are ISO-8601 UTC; a ticket's \
                                `number` is what people call it, its `id` what the API addresses it by. Every \
                                refusal is application/problem+json (RFC 9457); a 400 names the fields in `errors`."""))
                // relative: the document describes the desk it is served by, whatever its address
                .servers(List.of(new Server().url("/").description("this desk")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basicAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("an agent's email and password"))
                        .addSecuritySchemes(
                                "bearerAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("opaque (rpt_...)")
                                        .description("an API token, acting as the agent it was created for")))
                // either one: two requirements, not one with both
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }

    /** Every operation answers its refusals as problem+json; which ones depends on what it does. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        Map<String, String> refusals = new LinkedHashMap<>();
                        refusals.put("400", "Invalid input: the fields are named in errors");
                        refusals.put("401", "Not signed in, or the credentials are wrong");
                        refusals.put("403", "Your role does not allow this");
                        if (path.contains("{")) {
                            refusals.put("404", "Nothing with this id, or nothing you may see");
                        }
                        boolean writes = operation.getRequestBody() != null
                                || !method.name().equals("GET");
                        if (writes) {
                            refusals.put("409", "It clashes with the current state (an illegal step, a stale version)");
                        }
                        if (operation.getRequestBody() != null) {
                            refusals.put("413", "The body or an upload is over its limit");
                            refusals.put("415", "The body is not of a type this operation reads");
                        }
                        refusals.put("429", "Too many failed sign-ins: wait as Retry-After says");
                        refusals.forEach((status, description) -> responses(operation)
                                .addApiResponse(
                                        status,
                                        new ApiResponse()
                                                .description(description)
                                                .content(new Content()
                                                        .addMediaType(
                                                                "application/problem+json",
                                                                new MediaType()
                                                                        .schema(new Schema<>()
                                                                                .$ref("#/components/schemas/"
                                                                                        + PROBLEM))))));
                    }));
        };
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty(
                        "field", new StringSchema().description("the field, as the caller named it: customer.email"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        error.setRequired(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("Why a request was refused (RFC 9457)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("subject: must not be blank"))
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "errors", new ArraySchema().items(error).description("on a 400: each field that is wrong"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }
}
