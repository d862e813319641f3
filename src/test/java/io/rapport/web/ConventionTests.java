package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House conventions, checked so that nobody has to remember them. */
class ConventionTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Customers and agents are served in their language: every English key has a German text and vice versa. */
    @Test
    void messageBundlesHaveTheSameKeys() throws IOException {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        assertThat(de.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        de.stringPropertyNames()
                .forEach(k -> assertThat(de.getProperty(k)).as(k).isNotBlank());
    }

    /** Every #{key} a template uses exists in the bundle (dynamic keys are checked by their fixed prefix). */
    @Test
    void templatesUseOnlyKnownMessageKeys() throws IOException {
        Properties en = bundle("messages.properties");
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Pattern prefix = Pattern.compile("#\\{'([a-zA-Z0-9_.]+)' \\+");
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher m = key.matcher(html);
            while (m.find()) {
                assertThat(en.stringPropertyNames())
                        .as(template + " uses " + m.group(1))
                        .contains(m.group(1));
            }
            Matcher p = prefix.matcher(html);
            while (p.find()) {
                String start = p.group(1);
                assertThat(en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(start)))
                        .as(template + " uses keys starting " + start)
                        .isTrue();
            }
        }
    }

    /** No customer HTML is rendered unsanitized: th:utext only prints bodyHtml, which is sanitized on the way in. */
    @Test
    void unescapedOutputIsOnlySanitizedMessageHtml() throws IOException {
        Pattern utext = Pattern.compile("th:utext=\"([^\"]*)\"");
        for (Path template : templates()) {
            Matcher m = utext.matcher(Files.readString(template));
            while (m.find()) {
                assertThat(m.group(1)).as(template.toString()).isEqualTo("${m.bodyHtml}");
            }
        }
    }

    /** The Content-Security-Policy forbids inline script and style: templates must not depend on them. */
    @Test
    void templatesHaveNoInlineScriptsStylesOrHandlers() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\sstyle=\"|\\son[a-z]+=\"|<style|javascript:");
        for (Path template : templates()) {
            Matcher m = inline.matcher(Files.readString(template));
            assertThat(m.find())
                    .as(template + (m.hitEnd() ? "" : " has " + safeGroup(m)))
                    .isFalse();
        }
    }

    /** UI text comes from message bundles: a visible text node in a template needs a th:text that replaces it. */
    @Test
    void visibleTextComesFromBundles() throws IOException {
        // an element whose own text is a word, with no th:text/th:utext on it, is hard-coded text
        Pattern hardCoded = Pattern.compile(
                "<(h1|h2|h3|p|button|label|a|th|span|option|summary|strong)\\b(?![^>]*th:(u?text|replace))[^>]*>\\s*[A-Za-z][^<{]*</\\1>");
        for (Path template : templates()) {
            String html =
                    Files.readString(template).replaceAll("(?s)<option value=\"(en|de)\"[^>]*>[^<]*</option>", "");
            Matcher m = hardCoded.matcher(html);
            assertThat(m.find())
                    .as(template + (m.hitEnd() ? "" : ": " + safeGroup(m)))
                    .isFalse();
        }
    }

    private static String safeGroup(Matcher m) {
        try {
            return m.group();
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
