package io.rapport.knowledge;

import java.util.List;

/** What may answer a ticket: articles (with their help-center address when public) and similar solved tickets. */
public record Suggestions(List<SearchHit> articles, List<SearchHit> similarTickets) {}
