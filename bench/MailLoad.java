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
    /** Set to measure against another IMAP server (Dovecot): its port, and the maildir folder mail is put into. */
    static int imapPort;
    static String maildir;

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
        imapPort = Integer.parseInt(opts.getOrDefault("imap-port", "0"));
        maildir = opts.get("maildir");
        long deadline = System.currentTimeMillis() + 1000L * Integer.parseInt(opts.getOrDefault("seconds", "600"));

        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        mail.start();
        try {
            List<String> texts = texts();
            int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10000"));
            if (warmup > 0) {
                // a server that has run a while: its code compiled (the JIT took a third of the CPU of a cold run)
                String warm = "warmup@bench.rapport.io";
                int warmTickets = deliver(mail, warm, "warm", warmup, texts);
                long t0 = System.nanoTime();
                String id = addMailbox(mail, warm);
                awaitApplied(id, warmup, deadline);
                patch("/api/v1/channels/email/" + id, "{\"active\":false}");
                // and its "we received it" mails all sent, so that the measured run does only its own work
                while (sentBack(mail) < warmTickets && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                System.out.printf("-- warm-up: %d mails through another mailbox in %.1f s%n",
                        warmup, (System.nanoTime() - t0) / 1e9);
            }
            String box = "support@bench.rapport.io";
            long t0 = System.nanoTime();
            int opened = deliver(mail, box, "load", count, texts);
            System.out.printf("-- %d mails put into IMAP in %.1f s (%d open a ticket, %d answer one)%n",
                    count, (System.nanoTime() - t0) / 1e9, opened, count - opened);

            long before = ticketCount();
            int sentBefore = sentBack(mail);
            long cpuBefore = cpu();
            String pid = opts.get("pid");
            Map<String, Long> serverBefore = pid == null ? Map.of() : threadTicks(pid);
            long pgBefore = postgresTicks();
            long start = System.nanoTime();
            String mailbox = addMailbox(mail, box);
            long fetchedAt = awaitApplied(mailbox, count, deadline);
            double seconds = (System.nanoTime() - start) / 1e9;
            long tickets = ticketCount() - before;
            System.out.printf("-- fetched (stored) all %d in %.1f s: %.0f mails/s%n",
                    count, (fetchedAt - start) / 1e9, count / ((fetchedAt - start) / 1e9));
            System.out.printf("-- applied all in %.1f s: %.0f mails/s end to end; %d new tickets (expected %d)%n",
                    seconds, count / seconds, tickets, opened);
            System.out.printf("-- CPU: GreenMail and this load client %.1f s%n", (cpu() - cpuBefore) / 1e9);
            if (pid != null) {
                Map<String, Long> after = threadTicks(pid);
                long total = 0;
                List<Map.Entry<String, Long>> used = new ArrayList<>();
                for (var e : after.entrySet()) {
                    long d = e.getValue() - serverBefore.getOrDefault(e.getKey(), 0L);
                    total += d;
                    used.add(Map.entry(e.getKey(), d));
                }
                used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
                System.out.printf("-- CPU: Rapport %.1f s (threads alive at the end), PostgreSQL %.1f s%n",
                        total / 100.0, (postgresTicks() - pgBefore) / 100.0);
                for (var e : used.subList(0, Math.min(5, used.size()))) {
                    System.out.printf("--   %.1f s %s%n", e.getValue() / 100.0, e.getKey());
                }
            }
            // counted in one look at the server: the desk goes on sending while this runs
            java.util.Set<String> sentIds = new java.util.HashSet<>();
            int all = 0;
            for (MimeMessage sentMail : mail.getReceivedMessages()) {
                if (sentMail.getHeader("X-Rapport-Loop") != null) {
                    all++;
                    sentIds.add(sentMail.getMessageID());
                }
            }
            int sent = all - sentBefore;
            System.out.printf(
                    "-- mails sent back by SMTP during the run: %d (all so far %d, %d distinct)%n",
                    sent, sent + sentBefore, sentIds.size());
        } finally {
            mail.stop();
        }
    }

    /**
     * Puts {@code count} mails into the mailbox of {@code box}: 70 % open a ticket, 30 % answer the mail three before
     * (In-Reply-To). Returns how many open a ticket.
     */
    static int deliver(GreenMail mail, String box, String prefix, int count, List<String> texts) throws Exception {
        var user = maildir == null ? mail.setUser(box, box, "imap-password-1") : null;
        Session session = Session.getInstance(new Properties());
        int opened = 0;
        for (int i = 0; i < count; i++) {
            boolean reply = i % 10 >= 7 && i >= 3;
            int customer = reply ? (i - 3) : i; // a reply comes from the customer of the mail three before
            String id = prefix + "-" + i + "@customers.bench.rapport.io";
            String text = texts.get(i % texts.size());
            String raw = "From: Customer " + customer + " <" + prefix + "-customer-" + customer
                    + "@customers.bench.rapport.io>\r\n"
                    + "To: " + box + "\r\nSubject: " + (reply ? "Re: " : "")
                    + text.substring(0, Math.min(60, text.length()))
                    + "\r\nMessage-ID: <" + id + ">\r\n"
                    + (reply ? "In-Reply-To: <" + prefix + "-" + (i - 3) + "@customers.bench.rapport.io>\r\n" : "")
                    + "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n\r\nThanks\r\n";
            if (maildir == null) {
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
            } else {
                // as a delivery agent does: written aside, then moved into new/ whole
                Path dir = Path.of(maildir, box);
                Path file = dir.resolve("tmp").resolve(prefix + "-" + i + ".bench");
                Files.writeString(file, raw, StandardCharsets.UTF_8);
                Files.move(file, dir.resolve("new").resolve(file.getFileName()));
            }
            if (!reply) {
                opened++;
            }
        }
        return opened;
    }

    /** How many mails Rapport has sent to GreenMail's SMTP so far. */
    static int sentBack(GreenMail mail) throws Exception {
        int sent = 0;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getHeader("X-Rapport-Loop") != null) {
                sent++;
            }
        }
        return sent;
    }

    /** Adds the mailbox of {@code box} to Rapport; returns its id. */
    static String addMailbox(GreenMail mail, String box) throws Exception {
        String created = post("/api/v1/channels/email", "{\"name\":\"Bench " + box + "\",\"address\":\"" + box + "\","
                + "\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + (imapPort > 0 ? imapPort : mail.getImap().getPort())
                + ",\"security\":\"none\",\"username\":\"" + box + "\",\"password\":\"imap-password-1\"},"
                + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + mail.getSmtp().getPort()
                + ",\"security\":\"none\"},\"pollSeconds\":5}");
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("mailbox not created: " + created);
        }
        return m.group(1);
    }

    /** Waits until the mailbox has fetched {@code count} mails and none waits to be applied; returns when all were fetched. */
    static long awaitApplied(String mailbox, int count, long deadline) throws Exception {
        long fetchedAt = 0;
        while (System.currentTimeMillis() < deadline) {
            String status = get("/api/v1/channels/email/" + mailbox);
            long fetched = number(status, "fetchedCount");
            long waiting = number(status, "waitingCount");
            if (fetched >= count && fetchedAt == 0) {
                fetchedAt = System.nanoTime();
            }
            if (fetched >= count && waiting == 0) {
                return fetchedAt;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not applied within the time: " + get("/api/v1/channels/email/" + mailbox));
    }

    /** CPU clock ticks (1/100 s) of a process's threads, summed by thread name with digits taken out. */
    static Map<String, Long> threadTicks(String pid) throws Exception {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
                    ticks.merge(name, ticks(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (java.io.IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** CPU clock ticks of every PostgreSQL process now running. */
    static long postgresTicks() throws Exception {
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(proc.resolve("comm")).strip().equals("postgres")) {
                        total += ticks(Files.readString(proc.resolve("stat")));
                    }
                } catch (java.io.IOException e) {
                    // gone meanwhile
                }
            }
        }
        return total;
    }

    /** User plus system ticks from a /proc stat line (fields 14 and 15, after the name in parentheses). */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** This process's CPU time so far, in nanoseconds. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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

    static String patch(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                                .build(),
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
