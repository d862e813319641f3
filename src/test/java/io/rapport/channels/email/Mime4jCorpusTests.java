package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser against mime4j's own test messages: every body the corpus decodes ({@code *_decoded_N.txt} and
 * {@code .bin}, named by {@code *_decoded.xml}) comes out of our parser, as the text a person reads or as an
 * attachment, and the subject and sender are read as the corpus's headers say.
 */
class Mime4jCorpusTests {

    private static final Pattern BODY = Pattern.compile("<(text|binary)-body name=\"([^\"]+)\"/>");
    private static final Pattern FIELD = Pattern.compile("<field>\\s*([A-Za-z-]+):([\\s\\S]*?)</field>");

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private final MailParser parser = new MailParser();

    @TestFactory
    Stream<DynamicTest> testmsgs() throws IOException {
        Path dir = MailCorpus.dir("mime4j/testmsgs");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".msg")).sorted().toList().stream()
                    .map(msg -> DynamicTest.dynamicTest(msg.getFileName().toString(), () -> check(msg)));
        }
    }

    private void check(Path msg) throws IOException {
        String name = msg.getFileName().toString().replace(".msg", "");
        Path decoded = msg.resolveSibling(name + "_decoded.xml");
        ParsedMail mail = parser.parse(Files.readAllBytes(msg));
        if (!Files.exists(decoded)) {
            return;
        }
        String xml = Files.readString(decoded, StandardCharsets.UTF_8);
        String topHeader = xml.substring(0, Math.max(0, xml.indexOf("</header>")));
        String subject = field(topHeader, "Subject");
        if (subject != null) {
            assertThat(normalize(mail.subject()))
                    .as("subject")
                    .isEqualTo(normalize(DecoderUtil.decodeEncodedWords(subject, DecodeMonitor.SILENT)));
        }
        String from = field(topHeader, "From");
        if (from != null && from.contains("@")) {
            assertThat(mail.from()).as("from").isNotNull();
            assertThat(from.toLowerCase()).as("from").contains(mail.from().address());
        }

        List<byte[]> contents = new ArrayList<>();
        String everything = normalize(readable(mail, contents));
        Matcher bodies = BODY.matcher(xml);
        while (bodies.find()) {
            byte[] expected = Files.readAllBytes(msg.resolveSibling(bodies.group(2)));
            if (bodies.group(1).equals("binary")) {
                assertThat(contents).as("attachment %s", bodies.group(2)).anyMatch(c -> Arrays.equals(c, expected));
            } else {
                // the corpus keeps decoded text in the part's own charset: the nearest one declared before it
                Matcher charset = CHARSET.matcher(xml.substring(0, bodies.start()));
                String declared = null;
                while (charset.find()) {
                    declared = charset.group(1);
                }
                assertThat(everything)
                        .as("decoded text %s", bodies.group(2))
                        .contains(normalize(Charsets.decode(expected, declared)));
            }
        }
    }

    /** Everything a person can read in the mail: its text, its HTML, its attachments, and mails attached to it. */
    private String readable(ParsedMail mail, List<byte[]> contents) {
        StringBuilder all = new StringBuilder(mail.text()).append(' ');
        if (mail.html() != null) {
            all.append(mail.html()).append(' ');
        }
        for (MailPart part : mail.attachments()) {
            contents.add(part.content());
            all.append(Charsets.decode(part.content(), null)).append(' ');
            if (part.contentType().startsWith("message/")) {
                all.append(readable(parser.parse(part.content()), contents));
            }
        }
        return all.toString();
    }

    /** Headers in the RFC 2047 encoding of another charset: the attachment's name is read in its own charset. */
    @Test
    void anAttachmentNameInKoi8IsReadInKoi8() throws IOException {
        Path msg = MailCorpus.dir("mime4j/testmsgs").resolve("russian-headers.msg");
        ParsedMail mail = parser.parse(Files.readAllBytes(msg));
        assertThat(mail.attachments()).extracting(MailPart::filename).containsExactly("Список.doc");
    }

    private static String field(String header, String name) {
        Matcher m = FIELD.matcher(header);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                        .strip();
            }
        }
        return null;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
