package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The new text of replies from the {@code replies} corpus (real mails from several mailers): only what is new shows. */
class QuoteFoldingTests {

    /** File → the new text, with white space runs compared as one space. */
    private static final Map<String, String> NEW_TEXT = Map.ofEntries(
            Map.entry("correct_sig.txt", "this is an email with a correct -- signature."),
            Map.entry(
                    "email_1_1.txt",
                    "Hi folks What is the best way to clear a Riak bucket of all key, values after running a test?"
                            + " I am currently using the Java HTTP API."),
            Map.entry("email_1_3.txt", "Oh thanks. Having the function would be great."),
            Map.entry("email_1_4.txt", "Awesome! I haven't had another problem with it."),
            Map.entry("email_1_6.txt", "I get proper rendering as well. Sent from a magnificent torch of pixels"),
            Map.entry("email_1_7.txt", ":+1:"),
            Map.entry("email_1_8.txt", "I will reply under this one and under this."),
            Map.entry("email_2_1.txt", "Outlook with a reply"),
            Map.entry("email_2_2.txt", "Outlook with a reply directly above line"),
            Map.entry("email_2_3.txt", "Outlook with a reply directly above line"),
            Map.entry("email_BlackBerry.txt", "Here is another email"),
            Map.entry(
                    "email_bullets.txt",
                    "test 2 this should list second and have spaces and retain this formatting - how about bullets"
                            + " - and another"),
            Map.entry("email_iPhone.txt", "Here is another email"),
            Map.entry("email_multi_word_sent_from_my_mobile_device.txt", "Here is another email"),
            Map.entry(
                    "email_one_is_not_on.txt",
                    "Thank, this is really helpful. One outstanding question I had: Locally (on development), when I"
                            + " run..."),
            Map.entry(
                    "email_sent_from_my_not_signature.txt",
                    "Here is another email Sent from my desk, is much easier then my mobile phone."),
            Map.entry(
                    "email_sig_delimiter_in_middle_of_line.txt",
                    "Hi there! Stuff happened. And here is a fix -- this is not a signature. kthxbai"),
            Map.entry(
                    "greedy_on.txt",
                    "On your remote host you can run: telnet 127.0.0.1 52698 This should connect to TextMate (on your"
                            + " Mac, via the tunnel). If that fails, the tunnel is not working."),
            Map.entry(
                    "pathological.txt",
                    "I think you're onto something. I will try to fix the problem as soon as I get back to a computer."));

    @Test
    void eachReplyShowsOnlyItsNewText() throws IOException {
        var dir = MailCorpus.dir("replies");
        for (var entry : NEW_TEXT.entrySet()) {
            String text = Files.readString(dir.resolve(entry.getKey()), StandardCharsets.UTF_8);
            assertThat(normalize(QuoteFolding.newText(text))).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    /** An answer written between the quoted lines stays; the quote, its attribution and the list footer go. */
    @Test
    void inlineAnswersStayAndTheQuoteGoes() throws IOException {
        String text = Files.readString(MailCorpus.dir("replies").resolve("email_1_2.txt"), StandardCharsets.UTF_8);
        String folded = QuoteFolding.newText(text);
        assertThat(folded)
                .startsWith("Hi,")
                .contains("You can list the keys for the bucket", "riakClient.delete(bucket, key);")
                .endsWith("you’ll need to delete them all individually.\"")
                .doesNotContain("Abhishek Kona wrote", "> Hi folks", "riak-users mailing list");
    }

    /** Every file of the corpus has its expectation here, so a new file cannot slip by untested. */
    @Test
    void everyReplyOfTheCorpusIsChecked() throws IOException {
        try (var files = Files.list(MailCorpus.dir("replies"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")))
                    .allMatch(n -> NEW_TEXT.containsKey(n)
                            || n.equals("email_1_2.txt")
                            || n.equals("email_1_5.txt")
                            || n.equals("email_long_quote.txt"));
        }
    }

    /** A line of thousands of '>' is quoted text and must not make the folding slow (the fixture's point). */
    @Test
    void aHugeQuoteLineIsFoldedQuickly() throws IOException {
        String text =
                Files.readString(MailCorpus.dir("replies").resolve("email_long_quote.txt"), StandardCharsets.UTF_8);
        String folded = QuoteFolding.newText(text);
        assertThat(folded)
                .startsWith("Hi folks")
                .contains("running a test?", "I am currently using the Java HTTP API.")
                .doesNotContain("Abhishek Kona", "riak-users mailing list");
        assertThat(folded.lines()).noneMatch(line -> line.startsWith(">"));
    }

    /** A mail without quotes or signature is new text as it stands. */
    @Test
    void aMailWithoutQuotesStaysWhole() throws IOException {
        String text = Files.readString(MailCorpus.dir("replies").resolve("email_1_5.txt"), StandardCharsets.UTF_8);
        assertThat(QuoteFolding.newText(text)).isEqualTo(text.strip());
    }

    @Test
    void aReplyThatIsOnlyAQuoteKeepsEverything() {
        String text = "On Mon, 1 Dec 2026 at 10:00, Support <help@desk.test> wrote:\n> Your card is on its way.";
        assertThat(QuoteFolding.newText(text)).isEqualTo(text);
    }

    @Test
    void germanAttributionsAndSignaturesFold() {
        String text = "Danke, jetzt geht es.\n\nVon meinem iPhone gesendet\n\nAm 01.12.2026 um 10:00 schrieb Support"
                + " <help@desk.test>:\n> Bitte starten Sie die App neu.";
        assertThat(QuoteFolding.newText(text)).isEqualTo("Danke, jetzt geht es.");
    }

    @Test
    void htmlQuotesOfGmailOutlookAndThunderbirdFold() {
        assertThat(QuoteFolding.newHtml(
                        "<div>Thanks!</div><div class=\"gmail_quote\"><blockquote>old</blockquote></div>"))
                .contains("Thanks!")
                .doesNotContain("old", "gmail_quote");
        assertThat(QuoteFolding.newHtml(
                        "<div>Works now</div><div id=\"divRplyFwdMsg\">From: Support</div><div>Your card...</div>"))
                .contains("Works now")
                .doesNotContain("Support", "Your card");
        assertThat(QuoteFolding.newHtml("<p>Yes</p><div class=\"moz-cite-prefix\">On ... wrote:</div>"
                        + "<blockquote type=\"cite\">before</blockquote>"))
                .contains("Yes")
                .doesNotContain("wrote", "before");
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
