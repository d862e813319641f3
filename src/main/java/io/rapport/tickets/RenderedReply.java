package io.rapport.tickets;

import java.util.List;

/**
 * A saved reply as it reads on one ticket: in the ticket's language when it has that variant, its placeholders filled
 * in, and what sending it also does.
 */
public record RenderedReply(
        long id, String title, String body, String language, TicketStatus status, List<String> tags) {}
