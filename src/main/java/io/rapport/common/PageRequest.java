package io.rapport.common;

/** Which page to read: zero-based page number and page size, clamped to sane bounds. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size, int defaultSize) {
        return new PageRequest(page == null ? 0 : page, size == null ? defaultSize : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
