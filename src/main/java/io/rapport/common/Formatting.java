package io.rapport.common;

import java.util.List;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What agents type in the reply editor: Markdown as people write it in chats ("**bold**", "_italic_", "- item",
 * "1. step", "[text](https://...)", "> quote", "`code`"), turned into HTML for the message and mails. HTML typed
 * into the editor is shown as text, never run; images are not embedded (a file is attached instead); the result goes
 * through {@link Html#sanitize} like any other HTML. A line break typed is a line break shown.
 */
public final class Formatting {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .build();

    private Formatting() {}

    /** The HTML of the Markdown text, sanitized; null for blank text. */
    public static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        Node document = PARSER.parse(markdown);
        for (Image image : images(document)) {
            // an image typed as ![alt](url) shows as its text: no remote images in replies (they track readers)
            image.insertBefore(new Text(image.getDestination()));
            image.unlink();
        }
        return Html.sanitize(RENDERER.render(document));
    }

    private static List<Image> images(Node document) {
        List<Image> found = new java.util.ArrayList<>();
        document.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Image image) {
                found.add(image);
            }
        });
        return found;
    }
}
