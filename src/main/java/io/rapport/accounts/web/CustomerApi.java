package io.rapport.accounts.web;

import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    @Operation(operationId = "getCustomer", summary = "One customer")
    CustomerView get(@PathVariable long id) {
        return customers.get(id);
    }
}
