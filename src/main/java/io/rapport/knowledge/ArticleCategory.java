package io.rapport.knowledge;

import java.util.Map;

/** A group of articles in the help center, named in the desk's first language and optionally in others. */
public record ArticleCategory(long id, String name, int position, Map<String, String> names) {

    /** The name in this language, else the default one. */
    public String nameIn(String language) {
        return names.getOrDefault(language, name);
    }

    public String slug() {
        return Slugs.of(name);
    }
}
