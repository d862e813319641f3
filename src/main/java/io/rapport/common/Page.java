package io.rapport.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, with the total across all pages. When {@code totalIsLowerBound}, counting stopped at
 * {@code total} and there are more ("10,000+").
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalIsLowerBound) {

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, false);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size, totalIsLowerBound);
    }

    public boolean hasNext() {
        return totalIsLowerBound ? items.size() == size : (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** How many pages there are (at least one; with a lower-bound total, as far as counted). */
    public long pageCount() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** True for a page number beyond the last page (an old link, or one typed): it shows nothing. */
    public boolean isPastTheEnd() {
        return items.isEmpty() && page > 0;
    }
}
