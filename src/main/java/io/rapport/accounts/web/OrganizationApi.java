package io.rapport.accounts.web;

import io.rapport.accounts.AccountChange;
import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.OrganizationChange;
import io.rapport.accounts.OrganizationView;
import io.rapport.accounts.Organizations;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Organizations over JSON: the companies customers belong to, with their email domains. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Companies customers belong to; customers at their domains join them")
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    @Schema(
            description = "domains: customers whose email address is at one of them join (public mail providers are"
                    + " refused)")
    record OrganizationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 200)
            String name,

            List<String> domains,
            @Size(max = 10_000) String notes) {}

    record OrganizationList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<OrganizationView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int page,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int size) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createOrganization",
            summary = "Add an organization",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = OrganizationRequest.class))))
    OrganizationView create(@RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return organizations.create(
                JsonFields.text(body, "name"),
                JsonFields.strings(body, "domains"),
                JsonFields.text(body, "notes"),
                Actor.of(agent));
    }

    @GetMapping
    @Operation(operationId = "listOrganizations", summary = "Organizations by name; q searches names and domains")
    OrganizationList list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Page<OrganizationView> result = organizations.list(q, PageRequest.of(page, size, 25));
        return new OrganizationList(result.items(), result.total(), result.page(), result.size());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrganization", summary = "One organization")
    OrganizationView get(@PathVariable long id) {
        return organizations.get(id);
    }

    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeOrganization",
            summary = "Rename an organization, replace its domains or change its notes (audited)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = OrganizationRequest.class))))
    OrganizationView change(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return organizations.update(
                id,
                new OrganizationChange(
                        JsonFields.text(body, "name"),
                        JsonFields.strings(body, "domains"),
                        JsonFields.text(body, "notes")),
                Actor.of(agent));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "organizationHistory", summary = "Who changed the organization, newest first")
    List<AccountChange> history(@PathVariable long id) {
        organizations.get(id);
        return organizations.history(id);
    }
}
