package io.rapport.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A ticket as the API and pages show it. {@code messages} is filled only when one ticket is read. */
public record TicketView(
        long id,
        long number,
        String subject,
        TicketStatus status,
        Outcome outcome,
        Priority priority,
        Channel channel,
        CustomerSummary customer,
        Long assigneeId,
        Long teamId,
        List<String> tags,
        String language,
        Long repeatOf,
        Instant createdAt,
        Instant updatedAt,
        Instant solvedAt,
        Instant closedAt,
        int version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MessageView> messages) {

    /** The customer a ticket belongs to. */
    public record CustomerSummary(long id, String email, String name) {}

    public TicketView withMessages(List<MessageView> messages) {
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
                createdAt,
                updatedAt,
                solvedAt,
                closedAt,
                version,
                messages);
    }

    public boolean isSolved() {
        return status == TicketStatus.SOLVED;
    }

    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }
}
