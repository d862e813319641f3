package io.rapport.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** Which mail failures are final (log and drop) and which are passing (retry later). */
class SmtpFailureTests {

    @Test
    void aRefusedAddressIsFinal() throws Exception {
        // what the SMTP transport throws when the server answers 550 to RCPT TO
        var unknownUser = new SendFailedException(
                "Invalid Addresses",
                new jakarta.mail.MessagingException("550 5.1.1 no such user"),
                new Address[0],
                new Address[0],
                new Address[] {new InternetAddress("gone@mail.rapport.io")});
        assertThat(SmtpSender.refusedForGood(new MailSendException("refused", unknownUser)))
                .isTrue();
        assertThat(SmtpSender.refusedForGood(new MailSendException(
                        Map.of(new Object(), new jakarta.mail.MessagingException("send failed", unknownUser)))))
                .isTrue();
        assertThat(SmtpSender.refusedForGood(new MailParseException("bad header")))
                .isTrue();
    }

    @Test
    void anUnreachableServerIsPassing() {
        assertThat(SmtpSender.refusedForGood(
                        new MailSendException("Mail server connection failed", new ConnectException("refused"))))
                .isFalse();
        assertThat(SmtpSender.refusedForGood(
                        new MailSendException("Failed messages", new SendFailedException("421 try again later"))))
                .as("a temporary refusal names no invalid address")
                .isFalse();
    }
}
