// Bulk loader for the scale benchmark (issue 8, point 10): writes into a Rapport PostgreSQL database what the API
// would write for N tickets (the customer and their identity, the ticket, its first message, its tags and the
// "created" entry of its trail), with COPY, in minutes instead of hours. Texts come from the banking77 corpus.
// Run with the JDK's source launcher and the PostgreSQL driver on the class path:
//   java -cp postgresql.jar bench/BulkLoad.java --url jdbc:postgresql://127.0.0.1:5432/db --tickets 1000000
// It only adds rows; the schema is Rapport's own (start Rapport once on the database first).

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

public class BulkLoad {

    static final String[] STATUS = {"new", "open", "open", "pending", "solved", "solved", "solved", "closed", "closed", "closed"};
    static final String[] PRIORITY = {"low", "normal", "normal", "normal", "normal", "high", "urgent"};
    static final String[] CHANNEL = {"email", "email", "web", "chat", "phone", "api", "messaging"};
    static final String[] LANGUAGE = {"en", "en", "en", "de", "fr", "es"};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test");
        int tickets = Integer.parseInt(o.getOrDefault("tickets", "1000000"));
        int customers = Integer.parseInt(o.getOrDefault("customers", String.valueOf(Math.max(1000, tickets / 5))));
        int bigCustomerTickets = Integer.parseInt(o.getOrDefault("big-customer-tickets", "10000"));
        Path corpus = Path.of(o.getOrDefault("corpus", "../shared/corpora/support/banking77/train.csv"));
        List<String[]> texts = texts(corpus);
        Random random = new Random(77);
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, o.getOrDefault("user", "postgres"), "")) {
            db.setAutoCommit(false);
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            List<Long> agents = ids(db, "SELECT id FROM acc_agent WHERE active ORDER BY id");
            List<Long> teams = ids(db, "SELECT id FROM acc_team ORDER BY id");
            List<Long> orgs = ids(db, "SELECT id FROM acc_organization ORDER BY id");
            long firstCustomer = next(db, "acc_customer");
            long firstTicket = next(db, "tkt_ticket");
            long firstNumber = nextNumber(db);
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(730, ChronoUnit.DAYS);

            StringBuilder c = new StringBuilder(), ci = new StringBuilder();
            for (int i = 0; i < customers; i++) {
                long id = firstCustomer + i;
                String at = ts(start.plusSeconds(random.nextInt(60 * 60 * 24 * 365)));
                Long org = !orgs.isEmpty() && random.nextInt(4) == 0 ? orgs.get(random.nextInt(orgs.size())) : null;
                c.append(id).append('\t').append("Customer ").append(id).append('\t')
                        .append(LANGUAGE[random.nextInt(LANGUAGE.length)]).append('\t').append(at).append('\t').append(at)
                        .append('\t').append(org == null ? "\\N" : org).append('\n');
                ci.append(id).append('\t').append("email").append('\t').append("customer-").append(id)
                        .append("@bench.example.com").append('\t').append("t").append('\t').append(at).append('\n');
            }
            copy.copyIn("COPY acc_customer (id, name, preferred_language, created_at, updated_at, organization_id) FROM STDIN",
                    new StringReader(c.toString()));
            copy.copyIn("COPY acc_customer_identity (customer_id, kind, address, is_primary, created_at) FROM STDIN",
                    new StringReader(ci.toString()));
            System.out.printf("customers: %d in %.1f s%n", customers, (System.nanoTime() - t0) / 1e9);

            int batch = 50_000;
            for (int from = 0; from < tickets; from += batch) {
                StringBuilder t = new StringBuilder(), m = new StringBuilder(), tg = new StringBuilder(), a = new StringBuilder();
                for (int i = from; i < Math.min(tickets, from + batch); i++) {
                    long id = firstTicket + i;
                    // the first big-customer-tickets tickets belong to one customer: the customer page's worst case
                    long customer = i < bigCustomerTickets ? firstCustomer : firstCustomer + 1 + random.nextInt(customers - 1);
                    String[] text = texts.get(random.nextInt(texts.size()));
                    Instant created = start.plusSeconds((long) ((double) i / tickets * 730 * 86400) + random.nextInt(3600));
                    Instant updated = created.plusSeconds(random.nextInt(5 * 86400));
                    if (updated.isAfter(end)) {
                        updated = end;
                    }
                    String status = STATUS[random.nextInt(STATUS.length)];
                    boolean recent = i > tickets - tickets / 20;
                    if (recent && random.nextBoolean()) {
                        status = random.nextBoolean() ? "new" : "open";
                    } else if (!recent && (status.equals("new") || status.equals("open"))) {
                        status = random.nextInt(10) == 0 ? status : "closed"; // old work is mostly done
                    } else if (!recent && status.equals("solved")) {
                        status = "closed"; // the auto-close closes solved tickets after 7 days
                    }
                    if (status.equals("solved") && updated.isBefore(end.minus(7, ChronoUnit.DAYS))) {
                        // as the auto-close keeps it on a live desk; left solved, the server's first auto-close run
                        // would close and re-index thousands while a benchmark measures
                        status = "closed";
                    }
                    String outcome = status.equals("solved") || status.equals("closed")
                            ? (random.nextInt(10) < 7 ? "confirmed" : "unconfirmed") : "unknown";
                    Long assignee = status.equals("new") && random.nextBoolean() ? null : agents.get(random.nextInt(agents.size()));
                    Long team = teams.isEmpty() ? null : teams.get(random.nextInt(teams.size()));
                    String channel = CHANNEL[random.nextInt(CHANNEL.length)];
                    t.append(id).append('\t').append(firstNumber + i).append('\t').append(clean(text[0])).append('\t')
                            .append(status).append('\t').append(outcome).append('\t').append(PRIORITY[random.nextInt(PRIORITY.length)])
                            .append('\t').append(channel).append('\t').append(customer).append('\t')
                            .append("customer ").append(customer).append('\t')
                            .append(assignee == null ? "\\N" : assignee).append('\t').append(team == null ? "\\N" : team)
                            .append('\t').append(LANGUAGE[random.nextInt(LANGUAGE.length)]).append('\t').append(ts(created))
                            .append('\t').append(ts(updated)).append('\t')
                            .append(status.equals("solved") || status.equals("closed") ? ts(updated) : "\\N").append('\t')
                            .append(status.equals("closed") ? ts(updated) : "\\N").append('\n');
                    m.append(id).append('\t').append("customer").append('\t').append(customer).append('\t')
                            .append("Customer ").append(customer).append('\t').append("public").append('\t').append(channel)
                            .append('\t').append(clean(text[0])).append('\t').append(ts(created)).append('\n');
                    tg.append(id).append('\t').append(text[1]).append('\n');
                    if (random.nextInt(10) == 0) {
                        tg.append(id).append('\t').append("vip").append('\n');
                    }
                    a.append(id).append('\t').append("customer").append('\t').append(customer).append('\t')
                            .append("Customer ").append(customer).append('\t').append("created").append('\t').append("\\N")
                            .append('\t').append("\\N").append('\t').append(clean(text[0])).append('\t').append(ts(created)).append('\n');
                }
                copy.copyIn("COPY tkt_ticket (id, number, subject, status, outcome, priority, channel, customer_id, customer_sort, assignee_id,"
                        + " team_id, language, created_at, updated_at, solved_at, closed_at) FROM STDIN", new StringReader(t.toString()));
                copy.copyIn("COPY tkt_message (ticket_id, author_type, author_id, author_name, visibility, channel, body, created_at)"
                        + " FROM STDIN", new StringReader(m.toString()));
                copy.copyIn("COPY tkt_tag (ticket_id, tag) FROM STDIN", new StringReader(tg.toString()));
                copy.copyIn("COPY tkt_audit_event (ticket_id, actor_type, actor_id, actor_name, action, field, before_value,"
                        + " after_value, created_at) FROM STDIN", new StringReader(a.toString()));
                db.commit();
                System.out.printf("tickets: %d in %.1f s%n", Math.min(tickets, from + batch), (System.nanoTime() - t0) / 1e9);
            }
            try (Statement s = db.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('acc_customer', 'id'), (SELECT MAX(id) FROM acc_customer))");
                s.execute("SELECT setval(pg_get_serial_sequence('tkt_ticket', 'id'), (SELECT MAX(id) FROM tkt_ticket))");
                s.execute("SELECT setval('tkt_ticket_number_seq', (SELECT MAX(number) FROM tkt_ticket))");
            }
            db.commit();
            System.out.printf("loaded %d tickets and %d customers in %.1f s; the big customer is %d%n",
                    tickets, customers, (System.nanoTime() - t0) / 1e9, firstCustomer);
        }
    }

    /** banking77 rows: the customer's words and their intent (used as a tag). */
    static List<String[]> texts(Path corpus) throws Exception {
        List<String[]> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line = in.readLine(); // header: text,category
            while ((line = in.readLine()) != null) {
                int comma = line.lastIndexOf(',');
                // a quoted text spanning lines is skipped: only whole rows with an intent are used
                if (comma <= 0 || !line.substring(comma + 1).strip().matches("[a-z_]{1,50}")
                        || (line.startsWith("\"") && !line.substring(0, comma).endsWith("\""))) {
                    continue;
                }
                String text = line.substring(0, comma).replaceAll("^\"|\"$", "").replace("\"\"", "\"");
                texts.add(new String[] {text.length() > 240 ? text.substring(0, 240) : text, line.substring(comma + 1).strip()});
            }
        }
        return texts;
    }

    static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    static String ts(Instant at) {
        return at.toString();
    }

    static List<Long> ids(Connection db, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static long next(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1000 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long nextNumber(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('tkt_ticket_number_seq') + 1000")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
