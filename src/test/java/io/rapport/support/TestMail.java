package io.rapport.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A real mail server in the test JVM (GreenMail): SMTP, which the application sends its mail to, and IMAP, which
 * its mailboxes fetch from.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
            });
            server.start();
            // The mail server's own threads throw when a desk's poller drops an IMAP connection mid-command (a
            // channel of an earlier test, its mailbox gone); Awaitility would fail whatever test was awaiting just
            // then with that exception (EmailBrowserTests did, once in CI). A test's failures are its own thread's.
            org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        }
        return server;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    public static int imapPort() {
        return server().getImap().getPort();
    }

    /** Puts a raw mail straight into the IMAP mailbox of the address (created with this password if new). */
    public static void deliver(String address, String password, String raw) {
        deliver(address, password, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Puts a mail, as bytes (which need not be valid in any charset), into the mailbox of {@code address}. */
    public static void deliver(String address, String password, byte[] raw) {
        try {
            var user = server().getUserManager().getUser(address);
            if (user == null) {
                user = server().setUser(address, address, password);
            }
            user.deliver(new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The portal sign-in link in the newest sign-in mail to the address (other mails may have come since). */
    public static String signInLink(String address) {
        return newestLink(address, "/portal/auth");
    }

    /** The link in the newest invitation to choose a password mailed to the agent's address. */
    public static String inviteLink(String address) {
        return newestLink(address, "/invite");
    }

    private static String newestLink(String address, String path) {
        Pattern link = Pattern.compile("(http://\\S+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)");
        MimeMessage mail = waitFor(address, m -> link.matcher(text(m)).find());
        Matcher m = link.matcher(text(mail));
        m.find();
        return m.group(1);
    }

    /** The newest mail to the address that matches, waiting up to 10 s for one. */
    public static MimeMessage waitFor(String address, Predicate<MimeMessage> matching) {
        return Awaitility.await("a matching mail to " + address)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            List<MimeMessage> mine = allTo(address);
                            for (int i = mine.size() - 1; i >= 0; i--) {
                                if (matching.test(mine.get(i))) {
                                    return mine.get(i);
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
    }

    /** Every mail the address has received, oldest first. */
    public static List<MimeMessage> allTo(String address) {
        return Arrays.stream(server().getReceivedMessagesForDomain(address))
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
