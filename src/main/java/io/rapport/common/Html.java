package io.rapport.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns HTML from any source (mail, chat, API) into HTML that is safe to show: an allow-list of formatting tags, links
 * forced to open without a referrer, and no scripts, styles, frames, forms, images or event handlers.
 */
public final class Html {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .preserveRelativeLinks(false);

    private Html() {}

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, settings);
    }

    /** The readable text of an HTML body, with line breaks where blocks end. */
    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").after("\\n");
        String text = document.text().replace("\\n", "\n");
        return text.lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
    }
}
