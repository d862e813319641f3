package io.rapport.knowledge;

import io.rapport.common.InvalidInput;
import io.rapport.knowledge.internal.IndexFollower;
import io.rapport.knowledge.internal.SearchIndex;
import org.springframework.stereotype.Service;

/**
 * Search over tickets and customers (ADR 26): ranked by relevance, with filters and highlighted snippets, answering
 * from this node's index, which follows the database within a moment.
 */
@Service
public class Search {

    public static final int MAX_QUERY = 500;
    /** Each word is looked for in every text field (two per configured language): more would exceed Lucene's limit. */
    public static final int MAX_WORDS = 32;

    public static final int MAX_TAGS = 10;
    public static final int MAX_SIZE = 100;
    /** Deeper than this nobody reads; a narrower search finds it. */
    public static final int MAX_DEPTH = 10_000;

    private final SearchIndex index;
    private final IndexFollower follower;

    Search(SearchIndex index, IndexFollower follower) {
        this.index = index;
        this.follower = follower;
    }

    public SearchResults find(SearchRequest request, Searcher who) {
        if (request.q() != null && request.q().length() > MAX_QUERY) {
            throw new InvalidInput("q", "must have at most " + MAX_QUERY + " characters");
        }
        if (request.size() < 1 || request.size() > MAX_SIZE) {
            throw new InvalidInput("size", "must be 1 to " + MAX_SIZE);
        }
        if (request.q() != null && request.q().strip().split("\\s+").length > MAX_WORDS) {
            throw new InvalidInput("q", "must have at most " + MAX_WORDS + " words");
        }
        if (request.tags().size() > MAX_TAGS) {
            throw new InvalidInput("tag", "at most " + MAX_TAGS + " tags");
        }
        if (request.page() < 0 || ((long) request.page() + 1) * request.size() > MAX_DEPTH) {
            throw new InvalidInput("page", "must be 0 or more, and page × size at most " + MAX_DEPTH);
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new InvalidInput("to", "must be after from");
        }
        try {
            return index.search(request, who);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new InvalidInput("q", "has too many words and operators; search with fewer");
        }
    }

    public IndexStatus status() {
        return follower.status();
    }

    /**
     * Rebuilds this node's index from the database; searches keep answering from the old one, which takes up new
     * changes meanwhile, until it is done.
     */
    public void rebuild() {
        follower.rebuild();
    }

    /** Makes everything committed so far searchable before returning (tests; callers reading their own writes). */
    public void catchUp() {
        follower.catchUp();
    }
}
