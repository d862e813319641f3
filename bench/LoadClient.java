// Load client for Rapport: creates tickets through the API and reads the agent views, printing throughput and
// p50/p95/p99. No dependencies: run with the JDK's source launcher, `java bench/LoadClient.java --help`.
// Every loop is bounded by a request count and a time limit, and it only talks to the base URL it is given.

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadClient {

    static String base = "http://127.0.0.1:8080";
    static String user = "admin@bench.rapport.io";
    static String password = "bench-password-1";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length > 0 && args[0].equals("--help")) {
            System.out.println("java bench/LoadClient.java --base URL --user EMAIL --password PW "
                    + "--mode seed|create|views|scale|search|search-paths [--kind mix|words] --count N --concurrency C --seconds S");
            return;
        }
        base = opts.getOrDefault("base", base);
        user = opts.getOrDefault("user", user);
        password = opts.getOrDefault("password", password);
        String mode = opts.getOrDefault("mode", "create");
        int count = Integer.parseInt(opts.getOrDefault("count", "2000"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        if (mode.equals("search-paths")) {
            // the search mix as request paths, one per line, for a leaner load client (bench/search-mix.lua)
            java.util.function.IntFunction<String> query = opts.getOrDefault("kind", "mix").equals("words")
                    ? i -> "/api/v1/search?q=" + SEARCH_WORDS[i % SEARCH_WORDS.length]
                    : searchMix(Integer.parseInt(opts.getOrDefault("tickets", "0")));
            for (int i = 0; i < count; i++) {
                System.out.println(query.apply(i));
            }
            return;
        }
        String token = token();
        switch (mode) {
            case "seed", "create" -> {
                if (mode.equals("create")) {
                    run("warm-up create", 200, concurrency, 30, i -> createTicket(token, i));
                }
                run(mode + " tickets (concurrency " + concurrency + ")", count, concurrency, seconds, i -> createTicket(token, i));
            }
            case "views" -> {
                HttpClient browser = signedInBrowser();
                String[] views = {"mine", "unassigned", "team", "open", "pending", "solved", "all"};
                run("warm-up views", 100, concurrency, 30, i -> view(browser, views[i % views.length], 0));
                run("agent view page, 50 rows (concurrency " + concurrency + ")", count, concurrency, seconds,
                        i -> view(browser, views[i % views.length], i % 3));
                String[] statuses = {"new", "open", "pending", "solved", "new,open"};
                run("API list, 50 rows (concurrency " + concurrency + ")", count, concurrency, seconds,
                        i -> get(token, "/api/v1/tickets?size=50&status=" + statuses[i % statuses.length]));
            }
            case "scale" -> scale(opts, token, count);
            case "search" -> search(token, count, concurrency, Integer.parseInt(opts.getOrDefault("tickets", "0")));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    /**
     * The scale figures of issue 8, point 10, at concurrency 1: every built-in view and a set of custom views (the
     * filter in the address, as saved views carry it), a customer page for the customer with the most tickets, and a
     * bulk change of 1,000 tickets. Each view is measured on its own, {@code count} requests after a short warm-up.
     */
    static void scale(Map<String, String> opts, String token, int count) throws Exception {
        HttpClient browser = signedInBrowser();
        String team = opts.get("team"), org = opts.get("org"), customerEmail = opts.get("customer-email");
        String customerId = opts.get("customer-id");
        List<String> pages = new ArrayList<>();
        for (String v : new String[] {"mine", "unassigned", "team", "open", "pending", "solved", "all"}) {
            pages.add("/tickets?view=" + v);
        }
        for (String f : new String[] {
            "status:new,open;priority:urgent", "tag:vip;status:open", "team:" + team + ";status:pending",
            "channel:email;created:2026-01-01..2026-03-31", "language:de;status:solved", "assignee:none;priority:high",
            "organization:" + org, "customer:" + customerEmail, "outcome:unconfirmed;updated:2026-11-01.."}) {
            pages.add("/tickets?view=all&f=" + URLEncoder.encode(f, StandardCharsets.UTF_8));
        }
        for (String sort : new String[] {"priority", "-created", "status", "number", "customer", "assignee"}) {
            pages.add("/tickets?view=all&sort=" + sort);
        }
        pages.add("/tickets?view=open&page=20");
        pages.add("/customers/" + customerId);
        // the server's code is compiled as it runs: every page several times before any is measured
        run("warm-up", pages.size() * 8, 1, 300,
                i -> send(browser, HttpRequest.newBuilder(URI.create(base + pages.get(i % pages.size()))).GET()));
        pages.removeLast();
        for (String page : pages) {
            run("warm-up", 5, 1, 30, i -> send(browser, HttpRequest.newBuilder(URI.create(base + page)).GET()));
            run(page.length() > 52 ? page.substring(0, 49) + "..." : page, count, 1, 60,
                    i -> send(browser, HttpRequest.newBuilder(URI.create(base + page)).GET()));
        }
        String profile = "/customers/" + customerId;
        run("warm-up", 5, 1, 30, i -> send(browser, HttpRequest.newBuilder(URI.create(base + profile)).GET()));
        run("customer page (" + opts.get("customer-tickets") + " tickets)", count, 1, 60,
                i -> send(browser, HttpRequest.newBuilder(URI.create(base + profile)).GET()));
        String api = "/api/v1/tickets?size=50&customerEmail=" + URLEncoder.encode(customerEmail, StandardCharsets.UTF_8);
        run("API: that customer's tickets, 50", count, 1, 60, i -> get(token, api));

        // bulk: 1,000 open tickets at a time, three different sets, each timed as one request
        for (int round = 0; round < 3; round++) {
            List<String> ids = new ArrayList<>();
            for (int p = 0; ids.size() < 1000; p++) {
                String list = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets?size=200&status=open&page="
                                + (round * 5 + p))).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"number\"").matcher(list);
                int found = 0;
                while (m.find() && ids.size() < 1000) {
                    ids.add(m.group(1));
                    found++;
                }
                if (found == 0) {
                    break;
                }
            }
            String body = "{\"ids\":[" + String.join(",", ids) + "],\"change\":{\"priority\":\"high\",\"addTags\":[\"bulk-"
                    + round + "\"]}}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/bulk"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("bulk change of %d tickets: %.0f ms, status %d, %s%n", ids.size(),
                    (System.nanoTime() - t0) / 1e6, r.statusCode(),
                    r.body().replaceAll("(?s).*?(\"changed\":\\d+).*?(\"failed\":\\d+)?.*", "$1 $2").strip());
        }
    }

    /** Runs `count` requests with `concurrency` workers, stopping early after `seconds`; prints the figures. */
    static void run(String name, int count, int concurrency, int seconds, IntFunction<Integer> request) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        int status = request.apply(i);
                        latencies.add(System.nanoTime() - t0);
                        if (status >= 400 || status == 0) {
                            if (errors.incrementAndGet() == 1) {
                                firstError.set(status);
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%-52s n=%6d  %8.1f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d%s%n",
                name, sorted.length, sorted.length / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get(),
                errors.get() > 0 ? " (first status " + firstError.get() + ")" : "");
    }

    static final String[] SEARCH_WORDS = {"card", "refund", "transfer", "declined", "pin", "atm", "fee", "exchange",
        "top", "cash", "payment", "account", "verify", "identity", "statement", "charged", "pending", "arrived", "stolen",
        "lost"};

    /**
     * The i-th search of the mix agents type: one word, two words, a phrase, a prefix while typing, a word with a status
     * or language filter, a customer by name.
     */
    static java.util.function.IntFunction<String> searchMix(int tickets) {
        String[] words = SEARCH_WORDS;
        String[] phrases = {"\"card payment\"", "\"exchange rate\"", "\"top up\"", "\"my card\"", "\"cash withdrawal\""};
        String[] prefixes = {"tran", "refu", "decl", "withd", "veri", "ident", "exch", "stat"};
        String[] filters = {"&status=open", "&status=new,open", "&language=de", "&channel=email", "&status=solved"};
        return i -> {
            java.util.Random r = new java.util.Random(i);
            String q = switch (i % 8) {
                case 0, 1 -> words[r.nextInt(words.length)];
                case 2, 3 -> words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)];
                case 4 -> phrases[r.nextInt(phrases.length)];
                case 5 -> prefixes[r.nextInt(prefixes.length)];
                case 6 -> "Customer " + (1 + r.nextInt(Math.max(1, tickets / 5)));
                default -> words[r.nextInt(words.length)];
            };
            String filter = i % 8 == 7 ? filters[r.nextInt(filters.length)] : "";
            return "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filter;
        };
    }

    /**
     * The search figures of issue 10, point 7: the contract's search call at {@code concurrency} (20), with the kinds
     * of query agents type: one word, two words, a phrase, a prefix while typing, a word with a status or language
     * filter, a customer by name, a ticket number. Then suggestions for random tickets, as the ticket page asks for
     * them, at concurrency 1 and 4.
     */
    static void search(String token, int count, int concurrency, int tickets) throws Exception {
        String[] words = SEARCH_WORDS;
        var query = searchMix(tickets);
        run("warm-up search", Math.max(500, count / 4), concurrency, 120, i -> get(token, query.apply(1_000_000 + i)));
        java.util.concurrent.ConcurrentSkipListMap<Long, String> slowest = new java.util.concurrent.ConcurrentSkipListMap<>();
        run("search (concurrency " + concurrency + ")", count, concurrency, 300, i -> {
            String path = query.apply(i);
            long t0 = System.nanoTime();
            int status = get(token, path);
            slowest.put((System.nanoTime() - t0) * 10_000 + i % 10_000, path);
            while (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            return status;
        });
        slowest.descendingMap().forEach((k, q) -> System.out.printf("   slow: %7.1f ms  %s%n", k / 10_000 / 1e6, q));
        run("search, one word (concurrency " + concurrency + ")", count / 4, concurrency, 120,
                i -> get(token, "/api/v1/search?q=" + words[i % words.length]));
        run("search, one word (concurrency 1)", count / 8, 1, 120,
                i -> get(token, "/api/v1/search?q=" + words[i % words.length]));

        // ticket ids spread over the whole range, as agents open old and new tickets
        String first = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets?size=1&sort=number"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),").matcher(first);
        long low = m.find() ? Long.parseLong(m.group(1)) : 1;
        java.util.function.IntFunction<String> suggestions =
                i -> "/api/v1/tickets/" + (low + new java.util.Random(i).nextInt(Math.max(1, tickets))) + "/suggestions";
        run("warm-up suggestions", 200, 4, 120, i -> get(token, suggestions.apply(2_000_000 + i)));
        run("suggestions (concurrency 1)", Math.max(100, count / 8), 1, 120, i -> get(token, suggestions.apply(i)));
        run("suggestions (concurrency 4)", Math.max(100, count / 8), 4, 120,
                i -> get(token, suggestions.apply(500_000 + i)));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static final String[] QUERIES = {
        "My card payment was declined at the shop today.", "I am still waiting on my card, it has been two weeks.",
        "Why was I charged an extra fee for my transfer?", "The ATM did not give me my cash but charged my account.",
        "How do I change my PIN?", "My top-up has not arrived in my account yet.", "I think my card was stolen.",
        "Can I get a refund for a payment I did not make?"
    };
    static final String[] PRIORITIES = {"low", "normal", "normal", "normal", "high", "urgent"};
    static final String[] CHANNELS = {"email", "web", "chat", "phone", "api", "messaging"};

    static int createTicket(String token, int i) {
        String query = QUERIES[i % QUERIES.length];
        String body = "{\"subject\":\"" + query + "\",\"body\":\"" + query + " (request " + i + ")\","
                + "\"customer\":{\"email\":\"bench-" + (i % 5000) + "@example.com\",\"name\":\"Bench Customer " + (i % 5000) + "\"},"
                + "\"priority\":\"" + PRIORITIES[i % PRIORITIES.length] + "\",\"channel\":\"" + CHANNELS[i % CHANNELS.length] + "\","
                + "\"tags\":[\"bench\",\"topic-" + (i % QUERIES.length) + "\"]}";
        return send(HTTP, HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static int get(String token, String path) {
        return send(HTTP, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    static int view(HttpClient browser, String view, int page) {
        return send(browser, HttpRequest.newBuilder(URI.create(base + "/tickets?view=" + view + "&page=" + page)).GET());
    }

    static int send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** An API token for the admin, created with Basic auth (one slow password check, then fast token checks). */
    static String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench " + System.nanoTime() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("could not create a token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** A browser-like client signed in to the workspace by the form (CSRF token and session cookie). */
    static HttpClient signedInBrowser() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/")) {
            throw new IllegalStateException("sign-in failed: " + signIn.statusCode() + " " + location);
        }
        return browser;
    }
}
