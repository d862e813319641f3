package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

    /**
     * Every text with arguments is a valid MessageFormat pattern, also on the JDK 21 the code targets: before JDK 23 a
     * choice's option may not hold an unquoted '#' (ChoiceFormat reads it as the next limit), so a number pattern in
     * an option is written {0,number,'#'}.
     */
    @Test
    void textsWithArgumentsAreMessageFormatsThatJdk21Reads() throws IOException {
        Pattern choice = Pattern.compile("\\{\\d+,choice,");
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (!text.matches("(?s).*\\{\\d.*")) {
                    continue;
                }
                assertThatCode(() -> new java.text.MessageFormat(text, java.util.Locale.ENGLISH))
                        .as(name + " " + key)
                        .doesNotThrowAnyException();
                Matcher m = choice.matcher(text);
                while (m.find()) {
                    int depth = 1;
                    int i = m.end();
                    while (i < text.length() && depth > 0) {
                        char c = text.charAt(i++);
                        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    }
                    assertThat(text.substring(m.end(), i))
                            .as(name + " " + key + ": a number pattern in a choice")
                            .doesNotContain("number,#");
                }
            }
        }
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

    /** No HTML is rendered unsanitized: th:utext only prints a message's or an article's bodyHtml, sanitized on the way in. */
    @Test
    void unescapedOutputIsOnlySanitizedMessageHtml() throws IOException {
        Pattern utext = Pattern.compile("th:utext=\"([^\"]*)\"");
        for (Path template : templates()) {
            Matcher m = utext.matcher(Files.readString(template));
            while (m.find()) {
                assertThat(m.group(1)).as(template.toString()).isIn("${m.bodyHtml}", "${article.bodyHtml}");
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

    /**
     * UI text comes from message bundles: every element's own visible text is replaced by a th:text (on it or on an
     * element above it), and every attribute a person reads or hears (placeholder, title, alt, aria-label, value of a
     * button) is set with th:. Language names in their own language and key caps ({@code <kbd>}) are not translated.
     */
    @Test
    void visibleTextAndAttributesComeFromBundles() throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template));
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script")
                        || element.tagName().equals("style")
                        || element.tagName().equals("kbd")) {
                    continue;
                }
                boolean replaced = element.parents().stream().anyMatch(ConventionTests::replacesContent)
                        || replacesContent(element);
                String own = element.ownText().strip();
                if (!replaced && own.matches(".*\\p{L}.*") && !languageName(element)) {
                    found.add(template + ": <" + element.tagName() + "> " + own);
                }
                for (String attribute : List.of("placeholder", "title", "alt", "aria-label", "aria-description")) {
                    String value = element.attr(attribute);
                    if (value.matches(".*\\p{L}.*")) {
                        found.add(template + ": " + attribute + "=\"" + value + "\" on <" + element.tagName() + ">");
                    }
                }
                if ((element.tagName().equals("button") || element.attr("type").equals("submit"))
                        && element.attr("value").matches(".*\\p{L}{2,}.*")
                        && !element.hasAttr("name")) {
                    found.add(template + ": value=\"" + element.attr("value") + "\" on a button");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean replacesContent(Element element) {
        return element.hasAttr("th:text")
                || element.hasAttr("th:utext")
                || element.hasAttr("th:replace")
                || element.hasAttr("th:insert")
                || element.hasAttr("th:remove");
    }

    /** "English", "Deutsch": a language is offered under its own name, whatever the page's language. */
    private static boolean languageName(Element element) {
        return element.tagName().equals("option") && element.attr("value").matches("[a-z]{2}");
    }

    private static String safeGroup(Matcher m) {
        try {
            return m.group();
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
