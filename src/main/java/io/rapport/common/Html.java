package io.rapport.common;

import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns HTML from any source (mail, chat, API) into HTML that is safe to show: an allow-list of formatting tags, links
 * forced to open without a referrer, and no scripts, styles, frames, forms or event handlers. Images are kept only when
 * they show a file of the same message ({@code cid:}); a remote image (a tracking pixel, a leak of who read the mail
 * and when) is removed. {@link #showImages} turns the {@code cid:} links into addresses of this server when shown.
 */
public final class Html {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .preserveRelativeLinks(false);

    private Html() {}

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html, "", ALLOWED, settings);
        if (!clean.contains("<img")) {
            return clean;
        }
        // An image whose address was not allowed is left without one: drop it rather than show a broken frame.
        Document document = Jsoup.parseBodyFragment(clean);
        document.outputSettings(settings);
        document.select("img:not([src])").remove();
        return document.body().html();
    }

    /**
     * Sanitized HTML with each {@code cid:} image pointed at the address {@code address} gives for its Content-ID, or
     * removed when it gives none (a file that was not kept, or another message's).
     */
    public static String showImages(String sanitized, Function<String, String> address) {
        if (sanitized == null || !sanitized.contains("cid:")) {
            return sanitized;
        }
        Document document = Jsoup.parseBodyFragment(sanitized);
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        for (Element image : document.select("img[src^=cid:]")) {
            String url = address.apply(image.attr("src").substring("cid:".length()));
            if (url == null) {
                image.remove();
            } else {
                image.attr("src", url);
            }
        }
        return document.body().html();
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
