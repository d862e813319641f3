package io.rapport.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the new text of a reply: quoted earlier mail ("> ..."), the attribution above it ("On ... wrote:", "Am ...
 * schrieb ...:"), a forwarded or Outlook-style original ("-----Original Message-----", "From: ... Sent: ...") and the
 * signature ("-- ", "Sent from my iPhone", a mailing list's footer) are folded away. Answers written between quoted
 * lines stay. When nothing would be left, the whole text is the new text. The full mail is kept elsewhere.
 */
public final class QuoteFolding {

    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^\\s*(On|Am|Le|El|Op|Il|Den|På|W dniu|Em)\\s.+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            ".*(wrote|writes|schrieb|a écrit|escribió|schreef|ha scritto|skrev|napisał|escreveu)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message|"
                    + "Weitergeleitete Nachricht|Mensaje original)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RULE = Pattern.compile("^\\s*([-_=]){10,}\\s*$");
    private static final Pattern HEADER_FROM =
            Pattern.compile("^\\s*\\*?(From|Von|De|Van|Da|Från|Od)\\s*:\\*?\\s*.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Enviado|Para|Asunto)\\s*:\\*?.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGNATURE_DELIMITER =
            Pattern.compile("^(--|__|-- )\\s*$|^_{2,}\\s*$|^-\\p{L}[^\\s-]*( \\p{L}+){0,3}\\s*$");
    private static final Pattern SENT_FROM = Pattern.compile(
            "^\\s*(Sent from my|Von meinem|Envoyé de mon|Enviado desde mi|Get Outlook for)\\s*([\\p{L}\\p{N}]+\\s*){1,4}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A signature is short: a block longer than this after a delimiter is text, not a signature. */
    private static final int MAX_SIGNATURE_LINES = 12;

    private QuoteFolding() {}

    /** The new text of a plain-text reply. */
    public static String newText(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        List<String> lines = new ArrayList<>(
                text.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int attribution = attributionEnd(lines, i);
            if (attribution >= 0) {
                if (nextContentIsQuoted(lines, attribution + 1)) {
                    i = attribution; // the attribution goes with the quote below it
                    continue;
                }
                break; // an unquoted original below the attribution: all of it is the earlier mail
            }
            if (ORIGINAL_MESSAGE.matcher(line).matches() || outlookHeader(lines, i)) {
                break;
            }
            if (RULE.matcher(line).matches() && outlookHeader(lines, nextNonBlank(lines, i + 1))) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        cutSignature(kept);
        String result = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return result.isEmpty() ? text.strip() : result;
    }

    /** The new part of an HTML reply: the quote containers mailers mark, and everything after Outlook's divider. */
    public static String newHtml(String html) {
        if (html == null || html.isBlank()) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        doc.select("blockquote[type=cite], div.gmail_quote, div.gmail_extra, .moz-cite-prefix, div.yahoo_quoted,"
                        + " blockquote.gmail_quote, div[id^=mail-editor-reference-message-container],"
                        + " div.gmail_signature, .moz-signature, div#Signature, div#signature")
                .remove();
        Element outlook = doc.selectFirst("div#divRplyFwdMsg, div#appendonsend, hr#stopSpelling");
        if (outlook != null) {
            removeFrom(outlook);
        }
        String folded = doc.body().html();
        return Jsoup.parse(folded).text().isBlank() ? html : folded;
    }

    private static void removeFrom(Element start) {
        Element node = start;
        while (node != null && node != node.ownerDocument().body()) {
            Element next = node.nextElementSibling();
            while (next != null) {
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
            Element parent = node.parent();
            node.remove();
            node = parent != null
                            && parent.childrenSize() == 0
                            && parent != parent.ownerDocument().body()
                    ? parent
                    : null;
            if (node == null && parent != null) {
                // also drop what follows the container the divider was in
                Element sibling = parent.nextElementSibling();
                while (sibling != null && parent != parent.ownerDocument().body()) {
                    Element after = sibling.nextElementSibling();
                    sibling.remove();
                    sibling = after;
                }
            }
        }
    }

    /** The last line of an attribution starting at {@code i} ("On ... \n <address>\n wrote:"), or -1. */
    private static int attributionEnd(List<String> lines, int i) {
        if (!ATTRIBUTION_START.matcher(lines.get(i)).matches()) {
            return -1;
        }
        for (int k = i; k < Math.min(lines.size(), i + 4); k++) {
            if (k > i && lines.get(k).isBlank()) {
                return -1;
            }
            if (ATTRIBUTION_END.matcher(lines.get(k)).matches()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean nextContentIsQuoted(List<String> lines, int from) {
        int next = nextNonBlank(lines, from);
        return next < 0 || lines.get(next).startsWith(">");
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return k;
            }
        }
        return -1;
    }

    /** "From: ..." followed within a few lines by "Sent:", "To:" or "Subject:": the header of a quoted original. */
    private static boolean outlookHeader(List<String> lines, int i) {
        if (i < 0 || !HEADER_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        int others = 0;
        for (int k = i + 1; k < Math.min(lines.size(), i + 6); k++) {
            if (HEADER_OTHER.matcher(lines.get(k)).matches()) {
                others++;
            }
        }
        return others >= 2;
    }

    private static void cutSignature(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        for (int i = Math.max(0, end - MAX_SIGNATURE_LINES - 1); i < end; i++) {
            String line = lines.get(i);
            if (SIGNATURE_DELIMITER.matcher(line).matches()
                    || SENT_FROM.matcher(line).matches()) {
                if (i > 0 || SENT_FROM.matcher(line).matches()) {
                    lines.subList(i, lines.size()).clear();
                    return;
                }
            }
        }
    }
}
