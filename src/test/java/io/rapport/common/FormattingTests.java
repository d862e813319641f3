package io.rapport.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormattingTests {

    @Test
    void theEditorsMarksBecomeHtml() {
        assertThat(Formatting.html("**bold** and _italic_"))
                .isEqualTo("<p><strong>bold</strong> and <em>italic</em></p>\n");
        assertThat(Formatting.html("- one\n- two"))
                .contains("<ul>")
                .contains("<li>one</li>")
                .contains("<li>two</li>");
        assertThat(Formatting.html("1. first\n2. second")).contains("<ol>").contains("<li>first</li>");
        assertThat(Formatting.html("> quoted")).contains("<blockquote>").contains("quoted");
        assertThat(Formatting.html("use `reset` then\n\n```\nline 1\nline 2\n```"))
                .contains("<code>reset</code>")
                .contains("<pre><code>line 1\nline 2\n</code></pre>");
        assertThat(Formatting.html("[help](https://help.example.com/a)"))
                .contains("<a href=\"https://help.example.com/a\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void aLineBreakTypedIsALineBreakShown() {
        assertThat(Formatting.html("Kind regards\nMaya")).isEqualTo("<p>Kind regards<br>\nMaya</p>\n");
    }

    @Test
    void hostileInputIsShownAsTextOrDropped() {
        assertThat(Formatting.html("<script>alert(1)</script>"))
                .doesNotContain("<script")
                .contains("&lt;script&gt;");
        assertThat(Formatting.html("<img src=x onerror=alert(1)>"))
                .doesNotContain("<img")
                .contains("&lt;img");
        assertThat(Formatting.html("[x](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(Formatting.html("![pixel](https://tracker.example/p.gif)"))
                .doesNotContain("<img")
                .contains("https://tracker.example/p.gif");
        assertThat(Formatting.html("  ")).isNull();
        assertThat(Formatting.html(null)).isNull();
    }
}
