package io.rapport.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search page prints a snippet as text pieces: markup from the index never reaches the page as markup. */
class SnippetPartsTests {

    @Test
    void marksBecomeMarkedPiecesAndEntitiesBecomeText() {
        assertThat(SearchPage.parts("a &lt;script&gt; <mark>card</mark> was <mark>declined</mark>…"))
                .containsExactly(
                        new SearchPage.Part("a <script> ", false),
                        new SearchPage.Part("card", true),
                        new SearchPage.Part(" was ", false),
                        new SearchPage.Part("declined", true),
                        new SearchPage.Part("…", false));
    }

    @Test
    void anUnclosedMarkIsText() {
        assertThat(SearchPage.parts("x <mark>y")).containsExactly(new SearchPage.Part("x <mark>y", false));
        assertThat(SearchPage.parts(null)).isEqualTo(List.of());
        assertThat(SearchPage.parts("")).isEqualTo(List.of());
    }
}
