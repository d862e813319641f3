package io.rapport.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.mail.Letter;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.SmtpServer;
import io.rapport.support.TestMail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Several conversation mails over one connection: each gets its own outcome, one bad letter stops no other. */
class SmtpBatchTests {

    private final SmtpSender sender = new SmtpSender(null, "desk@rapport.test");

    private static Letter letter(String to, String subject, Letter.File... files) {
        return new Letter(
                "desk@rapport.test",
                "Desk",
                List.of(to),
                List.of(),
                subject,
                "Hello",
                null,
                "batch." + UUID.randomUUID() + "@rapport.test",
                null,
                List.of(),
                Map.of(),
                List.of(files));
    }

    @Test
    void eachLetterHasItsOutcomeAndTheGoodOnesGoOut() {
        String customer = "batch-" + UUID.randomUUID() + "@customers.rapport.dev";
        SmtpServer server = new SmtpServer("127.0.0.1", TestMail.smtpPort(), false, false, null, null, true);
        Letter unreadable = letter(customer, "third", new Letter.File("gone.pdf", "application/pdf", () -> {
            throw new java.io.FileNotFoundException("gone.pdf");
        }));
        List<MailNotSent> outcome = sender.sendAll(
                List.of(
                        letter(customer, "first"),
                        letter("not an address@@", "second"),
                        unreadable,
                        letter(customer, "fourth")),
                server);
        assertThat(outcome).hasSize(4);
        assertThat(outcome.get(0)).isNull();
        assertThat(outcome.get(1)).isNotNull();
        assertThat(outcome.get(1).permanent()).isTrue();
        assertThat(outcome.get(2)).isNotNull();
        assertThat(outcome.get(3)).isNull();
        assertThat(TestMail.allTo(customer).stream().map(TestMail::subject))
                .containsExactlyInAnyOrder("first", "fourth");
    }

    @Test
    void withTheServerDownEveryLetterIsAPassingFailure() {
        SmtpServer down = new SmtpServer("127.0.0.1", 1, false, false, null, null, true);
        List<MailNotSent> outcome = sender.sendAll(
                List.of(letter("a@customers.rapport.dev", "a"), letter("b@customers.rapport.dev", "b")), down);
        assertThat(outcome).hasSize(2).allSatisfy(f -> assertThat(f.permanent()).isFalse());
    }
}
