package io.rapport.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reply an agent keeps to start from: their own or shared with everyone. {@code body} may hold placeholders
 * ({@code {{customer.firstName}}}, {@code {{ticket.number}}}, {@code {{agent.name}}} ...); {@code variants} holds the
 * same reply in other languages; {@code status} and {@code tags} are what sending it also does to the ticket.
 */
public record SavedReply(
        long id,
        String title,
        String body,
        Map<String, String> variants,
        long ownerId,
        boolean shared,
        TicketStatus status,
        List<String> tags,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
