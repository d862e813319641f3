package io.rapport.tickets;

import java.util.List;
import java.util.Map;

/** What a person writes for a saved reply; null fields take their defaults (personal, no actions, no variants). */
public record NewSavedReply(
        String title,
        String body,
        Boolean shared,
        TicketStatus status,
        List<String> tags,
        Map<String, String> variants) {}
