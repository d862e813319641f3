package io.rapport.accounts.web;

import io.rapport.accounts.AccountChange;
import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerChange;
import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Customers with their identities and ticket counts. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The people who ask for help, with their identities")
class CustomerApi {

    private final Customers customers;

    CustomerApi(Customers customers) {
        this.customers = customers;
    }

    record CustomerList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<CustomerView> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int page,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int size) {}

    @GetMapping
    @Operation(
            operationId = "listCustomers",
            summary = "Customers; email finds one exactly, q searches names and addresses")
    CustomerList list(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size, 25);
        if (email != null && !email.isBlank()) {
            List<CustomerView> found = customers.findByEmail(email).stream()
                    .map(c -> customers.get(c.id()))
                    .toList();
            return new CustomerList(found, found.size(), 0, paging.size());
        }
        Page<CustomerView> result = customers.list(q, paging);
        return new CustomerList(result.items(), result.total(), result.page(), result.size());
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getCustomer",
            summary = "One customer; a merged customer's id answers 301 to the customer it became")
    ResponseEntity<CustomerView> get(@PathVariable long id) {
        Optional<Long> current = customers.resolve(id);
        if (current.isPresent() && current.get() != id) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create("/api/v1/customers/" + current.get()))
                    .build();
        }
        return ResponseEntity.ok(customers.get(id));
    }

    @Schema(
            description = "Any subset. organizationId null takes the customer out of their organization; an empty"
                    + " notes or language clears it. language: ISO 639-1, the language mails and pages use for them.")
    record ChangeCustomerRequest(
            @Size(max = 200) String name,
            @Schema(nullable = true) Long organizationId,
            @Size(max = 10_000) String notes,
            String language) {}

    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeCustomer",
            summary = "Change a customer's name, organization, notes or language (audited)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ChangeCustomerRequest.class))))
    CustomerView change(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        JsonFields.object(body);
        return customers.update(
                id,
                new CustomerChange(
                        JsonFields.text(body, "name"),
                        JsonFields.optionalId(body, "organizationId"),
                        JsonFields.text(body, "notes"),
                        JsonFields.text(body, "language")),
                Actor.of(agent));
    }

    record MergeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long intoId) {}

    @PostMapping(value = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "mergeCustomer",
            summary = "Merge this customer into another: identities, tickets and history follow; answers the kept one",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MergeRequest.class))))
    CustomerView merge(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        return customers.merge(id, JsonFields.requiredId(JsonFields.object(body), "intoId"), Actor.of(agent));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "customerHistory", summary = "Who changed or merged the customer, newest first")
    List<AccountChange> history(@PathVariable long id) {
        customers.get(id);
        return customers.history(id);
    }
}
