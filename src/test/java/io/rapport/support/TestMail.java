package io.rapport.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test JVM (GreenMail) that the application sends its mail to. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** The newest mail to the address, waiting up to 10 s for it. */
    public static MimeMessage latestTo(String address) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            MimeMessage[] all = server().getReceivedMessagesForDomain(address);
            MimeMessage[] mine = Arrays.stream(all)
                    .filter(m -> {
                        try {
                            return Arrays.stream(m.getAllRecipients())
                                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toArray(MimeMessage[]::new);
            if (mine.length > 0) {
                return mine[mine.length - 1];
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The portal sign-in link in the newest mail to the address. */
    public static String signInLink(String address) {
        try {
            String body = latestTo(address).getContent().toString();
            Matcher m = Pattern.compile("(http://\\S+/portal/auth\\?token=[A-Za-z0-9_-]+)")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("no sign-in link in: " + body);
            }
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
