package io.rapport.accounts.web;

import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "Customers")
class CustomerApi {

    private final Customers customers;

    CustomerApi(Customers customers) {
        this.customers = customers;
    }

    record CustomerList(List<CustomerView> items, long total, int page, int size) {}

    @GetMapping
    @Operation(summary = "Customers; email finds one exactly, q searches names and addresses")
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
    @Operation(summary = "One customer")
    CustomerView get(@PathVariable long id) {
        return customers.get(id);
    }
}
