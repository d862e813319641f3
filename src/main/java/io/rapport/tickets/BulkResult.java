package io.rapport.tickets;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** What a bulk change did: how many tickets changed, were already as asked, or could not be changed, and each one. */
public record BulkResult(
        @NotNull int changed,
        @NotNull int unchanged,
        @NotNull int failed,
        @NotNull List<Item> items) {

    public BulkResult {
        items = List.copyOf(items);
    }

    /** One ticket: {@code result} is changed, unchanged or failed; {@code error} says why it failed. */
    public record Item(
            @NotNull long id, Long number, @NotNull String result, String error) {}
}
