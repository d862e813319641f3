package io.rapport.knowledge;

import java.util.List;

/**
 * A page of results, best first, and how many there are in all: exactly, or when {@code totalAtLeast}, at least that
 * many (a search is counted up to ten thousand matches; beyond that the count would cost more than the search).
 */
public record SearchResults(List<SearchHit> items, long total, boolean totalAtLeast) {

    public SearchResults(List<SearchHit> items, long total) {
        this(items, total, false);
    }
}
