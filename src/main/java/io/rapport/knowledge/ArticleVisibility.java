package io.rapport.knowledge;

import io.rapport.common.Coded;

/** Who may read an article: everyone (the help center, the portal) or staff only. */
public enum ArticleVisibility implements Coded {
    PUBLIC,
    INTERNAL;

    @Override
    public String toString() {
        return code();
    }
}
