package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A ticket as the API and pages show it. {@code messages} is filled only when one ticket is read. Fields marked
 * {@code @NotNull} are always there (the API document lists them as required); the others may be null.
 */
public record TicketView(
        @NotNull long id,
        @NotNull long number,
        @NotNull String subject,
        @NotNull TicketStatus status,
        @NotNull Outcome outcome,
        @NotNull Priority priority,
        @NotNull Channel channel,
        @NotNull CustomerSummary customer,
        Long assigneeId,
        Long teamId,
        @NotNull List<String> tags,
        String language,
        Long repeatOf,
        Long mergedInto,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        Instant solvedAt,
        Instant closedAt,
        @NotNull int version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MessageView> messages,

        @JsonAnyGetter @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
        java.util.Map<String, Object> extensions) {

    public TicketView {
        extensions = extensions == null ? java.util.Map.of() : java.util.Map.copyOf(extensions);
    }

    /** The customer a ticket belongs to, with the language they chose for mail and pages (null: none chosen). */
    public record CustomerSummary(@NotNull long id, String email, String name, String preferredLanguage) {}

    public TicketView withMessages(List<MessageView> messages) {
        return with(messages, extensions);
    }

    /** The ticket with what other modules add to it for one-ticket answers ({@link TicketFacet}), by field name. */
    public TicketView withExtensions(java.util.Map<String, Object> more) {
        return with(messages, more);
    }

    private TicketView with(List<MessageView> messages, java.util.Map<String, Object> more) {
        return new TicketView(
                id,
                number,
                subject,
                status,
                outcome,
                priority,
                channel,
                customer,
                assigneeId,
                teamId,
                tags,
                language,
                repeatOf,
                mergedInto,
                createdAt,
                updatedAt,
                solvedAt,
                closedAt,
                version,
                messages,
                more);
    }

    /** The ticket with each message changed by {@code change}; for pages that show messages their own way. */
    public TicketView withEachMessage(UnaryOperator<MessageView> change) {
        return messages == null
                ? this
                : withMessages(messages.stream().map(change).toList());
    }

    @JsonIgnore
    public boolean isSolved() {
        return status == TicketStatus.SOLVED;
    }

    @JsonIgnore
    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }
}
