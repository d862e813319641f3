import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMAP to ticket, end to end: puts N mails into a GreenMail IMAP mailbox (in this process, 127.0.0.1), then adds that
 * mailbox to a running Rapport and times until every mail is a ticket or a message on one. 70 % of the mails open a
 * ticket, 30 % answer an earlier one (In-Reply-To). Texts come from banking77 when it is beside the clone. Replies
 * go back to GreenMail's SMTP. Prints mails per second.
 *   java -cp <test classpath> bench/MailLoad.java --base http://127.0.0.1:18080 --count 10000
 */
public class MailLoad {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String auth;

    public static void main(String[] args) throws Exception {
        // GreenMail logs every user it creates: the load generator's own share of the two cores stays small
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = opts.getOrDefault("base", "http://127.0.0.1:18080");
        auth = "Basic " + Base64.getEncoder().encodeToString(
                (opts.getOrDefault("user", "admin@bench.rapport.io") + ":"
                                + opts.getOrDefault("password", "bench-password-1"))
                        .getBytes(StandardCharsets.UTF_8));
        int count = Integer.parseInt(opts.getOrDefault("count", "10000"));
        long deadline = System.currentTimeMillis() + 1000L * Integer.parseInt(opts.getOrDefault("seconds", "600"));

        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        mail.start();
        try {
            String box = "support@bench.rapport.io";
            var user = mail.setUser(box, box, "imap-password-1");
            List<String> texts = texts();
            Session session = Session.getInstance(new Properties());
            int opened = 0;
            List<String> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                boolean reply = i % 10 >= 7 && !ids.isEmpty();
                int customer = reply ? (i - 3) : i; // a reply comes from the customer of the mail three before
                String id = "load-" + i + "@customers.bench.rapport.io";
                String text = texts.get(i % texts.size());
                String raw = "From: Customer " + customer + " <customer-" + customer + "@customers.bench.rapport.io>\r\n"
                        + "To: " + box + "\r\nSubject: " + (reply ? "Re: " : "") + text.substring(0, Math.min(60, text.length()))
                        + "\r\nMessage-ID: <" + id + ">\r\n"
                        + (reply ? "In-Reply-To: <load-" + (i - 3) + "@customers.bench.rapport.io>\r\n" : "")
                        + "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n\r\nThanks\r\n";
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
                ids.add(id);
                if (!reply) {
                    opened++;
                }
            }
            System.out.printf("-- %d mails put into IMAP in %.1f s (%d open a ticket, %d answer one)%n",
                    count, (System.nanoTime() - t0) / 1e9, opened, count - opened);

            long before = ticketCount();
            long start = System.nanoTime();
            String created = post("/api/v1/channels/email", "{\"name\":\"Bench\",\"address\":\"" + box + "\","
                    + "\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + mail.getImap().getPort()
                    + ",\"security\":\"none\",\"username\":\"" + box + "\",\"password\":\"imap-password-1\"},"
                    + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + mail.getSmtp().getPort()
                    + ",\"security\":\"none\"},\"pollSeconds\":5}");
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created);
            if (!m.find()) {
                throw new IllegalStateException("mailbox not created: " + created);
            }
            String mailbox = m.group(1);
            long fetchedAt = 0;
            while (System.currentTimeMillis() < deadline) {
                String status = get("/api/v1/channels/email/" + mailbox);
                long fetched = number(status, "fetchedCount");
                long waiting = number(status, "waitingCount");
                if (fetched >= count && fetchedAt == 0) {
                    fetchedAt = System.nanoTime();
                }
                if (fetched >= count && waiting == 0) {
                    break;
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long tickets = ticketCount() - before;
            System.out.printf("-- fetched (stored) all %d in %.1f s: %.0f mails/s%n",
                    count, (fetchedAt - start) / 1e9, count / ((fetchedAt - start) / 1e9));
            System.out.printf("-- applied all in %.1f s: %.0f mails/s end to end; %d new tickets (expected %d)%n",
                    seconds, count / seconds, tickets, opened);
            java.util.Set<String> sentIds = new java.util.HashSet<>();
            int sent = 0;
            for (MimeMessage sentMail : mail.getReceivedMessages()) {
                if (sentMail.getHeader("X-Rapport-Loop") != null) {
                    sent++;
                    sentIds.add(sentMail.getMessageID());
                }
            }
            System.out.printf("-- mails sent back by SMTP so far: %d (%d distinct)%n", sent, sentIds.size());
        } finally {
            mail.stop();
        }
    }

    static List<String> texts() throws Exception {
        Path csv = Path.of("../shared/corpora/support/banking77/train.csv");
        List<String> texts = new ArrayList<>();
        if (Files.exists(csv)) {
            try (var in = Files.newBufferedReader(csv);
                    var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)) {
                for (var record : parser) {
                    texts.add(record.get("text"));
                    if (texts.size() == 3000) {
                        break;
                    }
                }
            }
        } else {
            texts.add("My card payment was declined at the shop today, what can I do?");
            texts.add("I moved, please update my postal address.");
        }
        return texts;
    }

    static long ticketCount() throws Exception {
        return number(get("/api/v1/tickets?size=1"), "total");
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
