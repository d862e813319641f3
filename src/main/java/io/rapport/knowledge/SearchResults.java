package io.rapport.knowledge;

import java.util.List;

/** A page of results, best first, and how many there are in all. */
public record SearchResults(List<SearchHit> items, long total) {}
