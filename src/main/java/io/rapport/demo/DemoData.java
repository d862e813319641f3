package io.rapport.demo;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.CreateAgent;
import io.rapport.accounts.CustomerChange;
import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.accounts.LanguageLevel;
import io.rapport.accounts.Organizations;
import io.rapport.accounts.Role;
import io.rapport.accounts.TeamView;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.DeskClock;
import io.rapport.common.PageRequest;
import io.rapport.tickets.AddMessage;
import io.rapport.tickets.Author;
import io.rapport.tickets.ChangeTicket;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Collaboration;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.Priority;
import io.rapport.tickets.SavedViews;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a support organization into an empty database: 2 teams, 8 agents, 200 customers and 2,000 tickets that arrived
 * over the last 30 days. Each ticket's history (routing, answers, the customer's word, the nightly auto-close) is
 * planned as timed steps and replayed in time order on the {@link DeskClock}, through the same domain calls as live
 * work; steps later than now are left out, so recent tickets are still waiting. Ticket texts are real customer queries
 * from the banking77 corpus when it is at hand (rapport.demo.corpus), else a short built-in list. The same seed gives
 * the same desk, relative to the time it is loaded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "rapport-demo";
    static final String ADMIN = "admin@demo.rapport.io";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final Path corpus;
    private final int ticketCount;
    private final int customerCount;
    private final Agents agents;
    private final Teams teams;
    private final Customers customers;
    private final Organizations organizations;
    private final Collaboration collaboration;
    private final SavedViews savedViews;
    private final Tickets tickets;
    private final TransactionTemplate transactions;
    private final DeskClock clock;
    private final io.rapport.routing.RoutingRules routing;
    private final io.rapport.sla.Slas slas;
    private final io.rapport.knowledge.Articles articles;
    private final Duration autoCloseAfter;
    private final int days;
    private final String baseUrl;
    private Instant now;
    private Instant start;

    DemoData(
            @Value("${rapport.demo-data:false}") boolean enabled,
            @Value("${rapport.demo.corpus:../shared/corpora/support/banking77/train.csv}") String corpus,
            @Value("${rapport.demo.tickets:2000}") int ticketCount,
            @Value("${rapport.demo.customers:200}") int customerCount,
            @Value("${rapport.demo.days:30}") int days,
            @Value("${rapport.portal.auto-close-after:7d}") Duration autoCloseAfter,
            @Value("${rapport.base-url}") String baseUrl,
            Agents agents,
            Teams teams,
            Customers customers,
            Organizations organizations,
            Tickets tickets,
            Collaboration collaboration,
            SavedViews savedViews,
            TransactionTemplate transactions,
            io.rapport.routing.RoutingRules routing,
            io.rapport.sla.Slas slas,
            io.rapport.knowledge.Articles articles,
            DeskClock clock) {
        this.articles = articles;
        this.routing = routing;
        this.slas = slas;
        this.organizations = organizations;
        this.collaboration = collaboration;
        this.savedViews = savedViews;
        this.enabled = enabled;
        this.corpus = Path.of(corpus);
        this.ticketCount = ticketCount;
        this.customerCount = customerCount;
        this.baseUrl = baseUrl;
        this.agents = agents;
        this.teams = teams;
        this.customers = customers;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
        this.days = days;
        this.autoCloseAfter = autoCloseAfter;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (tickets.find(TicketQuery.all(new PageRequest(0, 1))).total() > 0) {
            log.info("Demo data: the database already has tickets; loading nothing.");
            printSignIn();
            return;
        }
        long started = System.nanoTime();
        load(clock.instant());
        serviceLevels();
        knowledge();
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        printSignIn();
    }

    /** A small knowledge base: public answers to the commonest questions (some in German too) and an internal one. */
    void knowledge() {
        Actor system = Actor.system();
        var cards = articles.createCategory("Cards", 1, Map.of("de", "Karten"));
        var transfers = articles.createCategory("Transfers", 2, Map.of("de", "Überweisungen"));
        var account = articles.createCategory("Your account", 3, Map.of("de", "Ihr Konto"));
        var declined = article(
                "Why was my card declined?",
                "## Check these first\n\n1. Is the card **activated**? New cards work after the first PIN payment.\n"
                        + "2. Is there enough money or credit left?\n3. Are payments abroad or online turned on in"
                        + " the app, under *Card settings*?\n\nIf all three are fine, write to us with the time and"
                        + " the shop's name and we will look at the payment.",
                cards.id(),
                List.of("card", "declined"),
                null,
                "en",
                system);
        article(
                "Warum wurde meine Karte abgelehnt?",
                "## Prüfen Sie zuerst\n\n1. Ist die Karte **aktiviert**? Neue Karten funktionieren nach der ersten"
                        + " Zahlung mit PIN.\n2. Ist genug Guthaben oder Kreditrahmen übrig?\n3. Sind Zahlungen im"
                        + " Ausland oder online in der App unter *Karteneinstellungen* eingeschaltet?\n\nWenn alles"
                        + " stimmt, schreiben Sie uns Uhrzeit und Händler, und wir prüfen die Zahlung.",
                cards.id(),
                List.of("card", "declined"),
                declined.id(),
                "de",
                system);
        article(
                "Order a new PIN",
                "Open the app, choose your card, then **Show PIN** or **Order a new PIN**. A new PIN arrives by post"
                        + " within five working days.",
                cards.id(),
                List.of("pin"),
                null,
                "en",
                system);
        var transfer = article(
                "How long does a transfer take?",
                "Transfers in euros within the SEPA area arrive **the next working day**; instant transfers within"
                        + " seconds. Transfers in other currencies take two to four working days.",
                transfers.id(),
                List.of("transfer"),
                null,
                "en",
                system);
        article(
                "Wie lange dauert eine Überweisung?",
                "Überweisungen in Euro im SEPA-Raum kommen **am nächsten Werktag** an, Echtzeitüberweisungen in"
                        + " Sekunden. Überweisungen in anderen Währungen dauern zwei bis vier Werktage.",
                transfers.id(),
                List.of("transfer"),
                transfer.id(),
                "de",
                system);
        article(
                "Verify your identity",
                "We ask for a photo of your passport or ID card and a short video selfie. It takes five minutes in"
                        + " the app under **Profile → Verify**.",
                account.id(),
                List.of("identity"),
                null,
                "en",
                system);
        articles.create(
                new io.rapport.knowledge.ArticleDraft(
                        "Refunds above 500 EUR (team leads)",
                        "A refund above 500 EUR needs a team lead's approval. Add an internal note with the reason"
                                + " and mention your team lead.",
                        "markdown",
                        io.rapport.knowledge.ArticleVisibility.INTERNAL,
                        "en",
                        null,
                        List.of("refund"),
                        null),
                system);
    }

    private io.rapport.knowledge.Article article(
            String title,
            String markdown,
            long categoryId,
            List<String> tags,
            Long translationOf,
            String language,
            Actor by) {
        return articles.create(
                new io.rapport.knowledge.ArticleDraft(
                        title,
                        markdown,
                        "markdown",
                        io.rapport.knowledge.ArticleVisibility.PUBLIC,
                        language,
                        categoryId,
                        tags,
                        translationOf),
                by);
    }

    /**
     * Skill rules for the teams' topics and service levels for new tickets: office hours in Berlin, a standard policy
     * and one for urgent tickets. Set after the history is written, so the past tickets carry no targets they could
     * not have had; the tickets that come in from now on get them.
     */
    void serviceLevels() {
        Actor system = Actor.system();
        routing.create(
                new io.rapport.routing.RoutingRules.NewRule(
                        "cards", 3, List.of("card", "declined", "pin", "atm", "karte"), null, null, null),
                system);
        routing.create(
                new io.rapport.routing.RoutingRules.NewRule(
                        "payments", 2, List.of("payment", "refund", "charged twice", "zahlung"), null, null, null),
                system);
        routing.create(
                new io.rapport.routing.RoutingRules.NewRule(
                        "transfers", 3, List.of("transfer", "iban", "überweisung"), null, null, null),
                system);
        routing.create(
                new io.rapport.routing.RoutingRules.NewRule(
                        "identity", 3, List.of("verify", "identity", "passport"), null, null, null),
                system);
        String office = "08:00-18:00";
        var calendar = slas.createCalendar(
                "Office hours (Berlin)",
                "Europe/Berlin",
                Map.of(
                        "mon",
                        List.of(office),
                        "tue",
                        List.of(office),
                        "wed",
                        List.of(office),
                        "thu",
                        List.of(office),
                        "fri",
                        List.of(office)),
                List.of("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"));
        slas.createPolicy(
                new io.rapport.sla.Slas.NewPolicy("Standard", null, null, 240, 480, 2 * 24 * 60, calendar.id()));
        slas.createPolicy(new io.rapport.sla.Slas.NewPolicy("Urgent", "urgent", null, 30, 60, 8 * 60, null));
    }

    private void printSignIn() {
        log.info(
                """

                ================================================================
                  Rapport is running at {}
                  Agent workspace: {}/login
                    admin   {} / {}
                    agent   maya.lindqvist@demo.rapport.io / {}
                  Customer portal: {}/portal (sign-in links are printed in this log)
                ================================================================""",
                baseUrl,
                baseUrl,
                agents.anyAdmin() && agents.principalByEmail(ADMIN).isPresent() ? ADMIN : "(RAPPORT_ADMIN_EMAIL)",
                agents.principalByEmail(ADMIN).isPresent() ? PASSWORD : "(RAPPORT_ADMIN_PASSWORD)",
                PASSWORD,
                baseUrl);
    }

    record Query(String text, String category) {}

    /** The organization the tickets are written to: teams, agents (by team) and customers. */
    private record Desk(
            TeamView cards,
            TeamView accounts,
            List<AgentPrincipal> cardAgents,
            List<AgentPrincipal> accountAgents,
            List<CustomerRef> people) {}

    /**
     * Writes the desk as it would stand at {@code at} (now, or a fixed past instant in tests), in one transaction:
     * a failure leaves nothing half-loaded, and the live auto-close cannot touch tickets that are still being written.
     */
    void load(Instant at) {
        now = at;
        start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
        Random random = new Random(77);
        transactions.executeWithoutResult(tx -> {
            // the team was set up a month before the first of these tickets
            Desk desk = clock.replay(start.minus(Duration.ofDays(30)), () -> organization(random));
            tickets(random, desk);
            clock.replay(now.minus(Duration.ofMinutes(30)), () -> teamwork(random, desk));
        });
    }

    private Desk organization(Random random) {
        TeamView cards = team("Cards & Payments");
        TeamView accounts = team("Accounts & Transfers");
        if (agents.principalByEmail(ADMIN).isEmpty()) {
            agents.create(
                    new CreateAgent(
                            ADMIN,
                            "Demo Admin",
                            PASSWORD,
                            Role.ADMIN,
                            List.of(cards.id(), accounts.id()),
                            List.of(new AgentLanguage("en", LanguageLevel.NATIVE)),
                            List.of(),
                            3,
                            10),
                    Actor.system(),
                    Locale.ENGLISH);
        }
        List<AgentView> staff = new ArrayList<>();
        staff.add(agent("Maya Lindqvist", Role.SUPERVISOR, cards, 3, "en:native,de:fluent", "cards:5,payments:4"));
        staff.add(agent("Jonas Becker", Role.AGENT, cards, 2, "de:native,en:fluent", "cards:4,fraud:3"));
        staff.add(agent("Priya Raman", Role.AGENT, cards, 1, "en:native", "payments:3,cards:2"));
        staff.add(agent("Tomás Ortega", Role.AGENT, cards, 1, "en:fluent,es:native", "payments:2,top-up:3"));
        staff.add(agent("Lea Hoffmann", Role.SUPERVISOR, accounts, 3, "de:native,en:fluent", "transfers:5,identity:4"));
        staff.add(agent("Samuel Okafor", Role.AGENT, accounts, 2, "en:native,fr:fluent", "transfers:4,exchange:3"));
        staff.add(agent("Hannah Weiss", Role.AGENT, accounts, 1, "de:native", "identity:3,accounts:2"));
        List<AgentPrincipal> cardAgents = principals(staff.subList(0, 4));
        List<AgentPrincipal> accountAgents = principals(staff.subList(4, 7));

        // business customers: people at these domains join their organization when they first write
        for (String[] org : ORGANIZATIONS) {
            organizations.create(org[0], List.of(org[1]), org[2], Actor.system());
        }
        List<CustomerRef> people = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String domain = i % 8 == 0 ? ORGANIZATIONS[(i / 8) % ORGANIZATIONS.length][1] : "example.com";
            String email = (first + "." + last + (i + 1) + "@" + domain).toLowerCase(Locale.ROOT);
            CustomerRef customer = customers.identifyByEmail(email, first + " " + last);
            if (i % 15 == 0) {
                customers.update(
                        customer.id(),
                        new CustomerChange(null, null, CUSTOMER_NOTES[(i / 15) % CUSTOMER_NOTES.length], null),
                        Actor.system());
            }
            if (random.nextInt(5) == 0) {
                customers.setPreferredLanguage(customer.id(), "de");
            }
            people.add(customer);
        }
        return new Desk(cards, accounts, cardAgents, accountAgents, people);
    }

    private void tickets(Random random, Desk desk) {
        List<Query> queries = queries();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ticketCount; i++) {
            Query query = queries.get(random.nextInt(queries.size()));
            CustomerRef customer =
                    desk.people().get(random.nextInt(desk.people().size()));
            boolean cardTopic = CARD_TOPICS.stream().anyMatch(query.category()::contains);
            List<AgentPrincipal> pool = cardTopic ? desk.cardAgents() : desk.accountAgents();
            new Story(random, query, customer, cardTopic ? desk.cards() : desk.accounts(), pool, steps)
                    .plan(arrival(random));
        }
        // the desk's nightly auto-close, as it would have run during those weeks
        for (Instant day = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(26));
                day.isBefore(now);
                day = day.plus(Duration.ofDays(1))) {
            steps.add(new Step(day, steps.size(), () -> {
                while (tickets.closeUnanswered(autoCloseAfter, 500) == 500) {
                    // next batch
                }
            }));
        }
        steps.removeIf(step -> step.at().isAfter(now));
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        steps.forEach(step -> clock.replay(step.at(), step.action()));
    }

    private static final String[][] ORGANIZATIONS = {
        {"Nordwind Logistik GmbH", "nordwind.example", "Business account, 40 cards. Invoices go to accounting."},
        {"Helix Labs", "helix-labs.example", "Start-up; fast-growing team, many new cards each month."},
        {"Café Solace", "cafe-solace.example", "Card terminal in the shop; payments matter most at weekends."}
    };

    private static final String[] CUSTOMER_NOTES = {
        "Prefers email over phone calls.",
        "Travels a lot; card blocks abroad happened before.",
        "Asked for answers in German when possible.",
        "Long-time customer; was charged twice in March and got a refund."
    };

    /**
     * What a team does besides answering: a ticket that came twice merged into the first, tickets about one problem
     * linked as related, and the views the team shares.
     */
    private void teamwork(Random random, Desk desk) {
        Author lead = Author.agent(desk.cardAgents().getFirst());
        int merged = 0;
        for (CustomerRef person : desk.people()) {
            if (merged == 3) {
                break;
            }
            List<TicketView> theirs = tickets
                    .find(TicketQuery.all(new PageRequest(0, 10))
                            .withCustomer(person.id())
                            .sortedBy("created"))
                    .items()
                    .stream()
                    .filter(t -> t.status() == TicketStatus.NEW || t.status() == TicketStatus.OPEN)
                    .toList();
            if (theirs.size() >= 2) {
                tickets.merge(theirs.get(1).id(), theirs.getFirst().id(), lead);
                merged++;
            }
        }
        List<TicketView> recent = tickets.find(
                        TicketQuery.all(new PageRequest(0, 200)).sortedBy("-created"))
                .items();
        Map<String, List<TicketView>> byTopic = recent.stream()
                .filter(t -> t.mergedInto() == null && !t.tags().isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(
                        t -> t.tags().iterator().next()));
        int linked = 0;
        for (List<TicketView> same : byTopic.values()) {
            if (same.size() >= 2 && linked < 5) {
                collaboration.link(same.get(0).id(), same.get(1).id(), lead);
                linked++;
            }
        }
        long maya = desk.cardAgents().getFirst().id();
        long lea = desk.accountAgents().getFirst().id();
        savedViews.create("Urgent, not answered", maya, true, "all", "status:new,open;priority:urgent", "-updated");
        savedViews.create("Waiting on the customer", lea, true, "all", "status:pending", "updated");
        savedViews.create("Phone calls", maya, true, "all", "channel:phone;status:new,open", "-created");
        savedViews.create("My urgent ones", maya, false, "mine", "priority:urgent,high", "-updated");
    }

    private TeamView team(String name) {
        return teams.list().stream()
                .filter(team -> team.name().equals(name))
                .findFirst()
                .orElseGet(() -> teams.create(name, Actor.system()));
    }

    /** Something that happens on the desk at a time: opening a ticket, a reply, a customer's answer. */
    private record Step(Instant at, int order, Runnable action) {}

    /**
     * When a ticket arrived: within the last {@code days}, mostly in working hours (07:00-19:00 UTC) and on weekdays,
     * never in the last five minutes.
     */
    private Instant arrival(Random random) {
        while (true) {
            Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(random.nextInt(days)));
            DayOfWeek weekday = day.atZone(ZoneOffset.UTC).getDayOfWeek();
            if ((weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) && random.nextInt(3) > 0) {
                continue;
            }
            int minute = random.nextInt(4) > 0 ? 7 * 60 + random.nextInt(12 * 60) : random.nextInt(24 * 60);
            Instant at = day.plus(Duration.ofMinutes(minute)).plusSeconds(random.nextInt(60));
            if (at.isBefore(now.minus(Duration.ofMinutes(5)))) {
                return at;
            }
        }
    }

    /**
     * One ticket's history, planned as timed steps: the customer writes, the ticket is routed, an agent answers (some
     * at once, some after asking for details, some after days), the customer confirms or rejects the solution or never
     * answers. Steps later than now are dropped, so recent tickets are still new or open, as on a real desk.
     */
    private final class Story {

        private final Random random;
        private final Query query;
        private final CustomerRef customer;
        private final TeamView team;
        private final AgentPrincipal agent;
        private final List<Step> steps;
        private long id;

        Story(
                Random random,
                Query query,
                CustomerRef customer,
                TeamView team,
                List<AgentPrincipal> pool,
                List<Step> steps) {
            this.random = random;
            this.query = query;
            this.customer = customer;
            this.team = team;
            this.agent = pool.get(random.nextInt(pool.size()));
            this.steps = steps;
        }

        void plan(Instant received) {
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            Priority priority = random.nextInt(10) == 0
                    ? Priority.URGENT
                    : random.nextInt(5) == 0 ? Priority.HIGH : random.nextInt(6) == 0 ? Priority.LOW : Priority.NORMAL;
            Instant t = received;
            at(
                    t,
                    () -> id = tickets.open(new OpenTicket(
                                    subject(query),
                                    query.text(),
                                    null,
                                    customer.email(),
                                    customer.name(),
                                    channel,
                                    priority,
                                    Set.of(tag(query.category())),
                                    List.of(),
                                    null))
                            .id());
            if (random.nextInt(10) > 0) {
                t = later(t, 1, 20);
                at(
                        t,
                        () -> tickets.change(
                                id,
                                new ChangeTicket(null, null, Optional.of(team.id()), null, null, null),
                                Author.system()));
            }
            // first response: from ten minutes to two and a half days, faster for urgent tickets
            t = later(t, 10, priority == Priority.URGENT ? 4 * 60 : 60 * 60);
            Author by = Author.agent(agent);
            at(
                    t,
                    () -> tickets.change(
                            id,
                            new ChangeTicket(null, Optional.of(agent.id()), Optional.of(team.id()), null, null, null),
                            by));
            if (random.nextInt(4) == 0) {
                at(t, () -> note(NOTES[random.nextInt(NOTES.length)]));
            }
            int path = random.nextInt(100);
            if (path < 45) { // solved with the first answer
                at(t, () -> reply(random.nextBoolean() ? 0 : 3, TicketStatus.SOLVED));
            } else if (path < 65) { // the agent needs details first
                at(t, () -> reply(1, TicketStatus.PENDING));
                if (random.nextInt(100) < 15) {
                    return; // the customer never sent them
                }
                t = later(t, 60, 30 * 60);
                at(
                        t,
                        () -> tickets.addCustomerMessage(
                                id, customer, DETAILS[random.nextInt(DETAILS.length)], List.of()));
                t = later(t, 30, 6 * 60);
                at(t, () -> reply(3, TicketStatus.SOLVED));
            } else { // escalated: solved hours or days later
                at(t, () -> reply(2, null));
                t = later(t, 2 * 60, path < 85 ? 24 * 60 : 10 * 24 * 60);
                at(t, () -> reply(3, TicketStatus.SOLVED));
            }
            answer(t, true);
        }

        /** The customer's word on a solution, or none. */
        private void answer(Instant solved, boolean firstTime) {
            int roll = random.nextInt(100);
            if (roll < 55) {
                at(answerAt(solved, 10, 3 * 24 * 60), () -> tickets.confirmSolved(id, customer));
            } else if (roll < 65 && firstTime) {
                Instant t = answerAt(solved, 60, 2 * 24 * 60);
                at(t, () -> {
                    tickets.rejectSolution(id, customer);
                    tickets.addCustomerMessage(
                            id, customer, "It still does not work, sorry. Same problem as before.", List.of());
                });
                t = later(t, 60, 8 * 60);
                at(t, () -> reply(4, TicketStatus.SOLVED));
                answer(t, false);
            } else if (roll < 70) {
                at(
                        answerAt(solved, 24 * 60, 3 * 24 * 60),
                        () -> tickets.change(id, ChangeTicket.status(TicketStatus.CLOSED), Author.agent(agent)));
            }
            // otherwise no answer: the nightly auto-close closes it as unconfirmed
        }

        private void reply(int text, TicketStatus then) {
            Author by = Author.agent(agent);
            tickets.addMessage(
                    id,
                    new AddMessage(
                            REPLIES[text].formatted(customer.name().split(" ")[0], agent.name()),
                            null,
                            Visibility.PUBLIC,
                            null,
                            by,
                            List.of()));
            if (then != null) {
                tickets.change(id, ChangeTicket.status(then), by);
            }
        }

        private void note(String text) {
            tickets.addMessage(
                    id, new AddMessage(text, null, Visibility.INTERNAL, null, Author.agent(agent), List.of()));
        }

        private void at(Instant at, Runnable action) {
            steps.add(new Step(at, steps.size(), action));
        }

        /**
         * When someone acts on a solution: between {@code min} and {@code max} minutes after it, but before the
         * auto-close would have closed the ticket, however short that is set.
         */
        private Instant answerAt(Instant solved, int min, int max) {
            int hi = (int) Math.min(max, Math.max(2, autoCloseAfter.toMinutes() * 4 / 5));
            return later(solved, Math.max(1, Math.min(min, hi / 2)), hi);
        }

        /** A time between {@code min} and {@code max} minutes after {@code t}, spread evenly on a log scale. */
        private Instant later(Instant t, int min, int max) {
            double minutes = min * Math.pow((double) max / min, random.nextDouble());
            return t.plusSeconds(Math.round(minutes * 60));
        }
    }

    private AgentView agent(String name, Role role, TeamView team, int tier, String languages, String skills) {
        String email = name.toLowerCase(Locale.ROOT).replace("á", "a").replace(' ', '.') + "@demo.rapport.io";
        return agents.principalByEmail(email)
                .map(p -> agents.get(p.id()))
                .orElseGet(() -> agents.create(
                        new CreateAgent(
                                email,
                                name,
                                PASSWORD,
                                role,
                                List.of(team.id()),
                                pairs(languages).stream()
                                        .map(p -> new AgentLanguage(p[0], Codes.stored(LanguageLevel.class, p[1])))
                                        .toList(),
                                pairs(skills).stream()
                                        .map(p -> new AgentSkill(p[0], Integer.parseInt(p[1])))
                                        .toList(),
                                tier,
                                8 + tier * 2),
                        Actor.system(),
                        Locale.ENGLISH));
    }

    private List<AgentPrincipal> principals(List<AgentView> views) {
        return views.stream()
                .map(v -> agents.principalByEmail(v.email()).orElseThrow().withoutPassword())
                .toList();
    }

    private static List<String[]> pairs(String spec) {
        return java.util.Arrays.stream(spec.split(",")).map(s -> s.split(":")).toList();
    }

    static String tag(String category) {
        return category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "").replace('_', '-');
    }

    static String subject(Query query) {
        String text = query.text().strip();
        String firstSentence = text.split("(?<=[.?!])\\s+")[0];
        String subject = firstSentence.length() <= 80
                ? firstSentence
                : firstSentence.substring(0, 77).strip() + "…";
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }

    List<Query> queries() {
        if (Files.isReadable(corpus)) {
            try (Reader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
                    CSVParser csv = CORPUS_FORMAT.parse(in)) {
                List<Query> fromCorpus = csv.stream()
                        .filter(r -> r.isConsistent())
                        .map(r -> new Query(
                                r.get("text").strip(), r.get("category").strip()))
                        .filter(q -> q.text().length() >= 12)
                        .toList();
                if (!fromCorpus.isEmpty()) {
                    log.info(
                            "Demo data: {} customer queries from {}",
                            fromCorpus.size(),
                            corpus.toAbsolutePath().normalize());
                    return fromCorpus;
                }
            } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
                log.warn("Demo data: cannot read {}: {}", corpus, e.getMessage());
            }
        }
        log.info("Demo data: corpus {} not found; using the built-in queries", corpus);
        return BUILT_IN;
    }

    /** banking77's files: a header line "text,category", texts quoted when they hold a comma or a quote. */
    private static final CSVFormat CORPUS_FORMAT =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private static final Set<String> CARD_TOPICS = Set.of(
            "card", "pin", "atm", "payment", "contactless", "apple_pay", "top_up", "cash_withdrawal", "declined");
    private static final Channel[] CHANNELS = {
        Channel.EMAIL,
        Channel.EMAIL,
        Channel.EMAIL,
        Channel.WEB,
        Channel.WEB,
        Channel.CHAT,
        Channel.PHONE,
        Channel.MESSAGING,
        Channel.API
    };
    private static final String[] FIRST = {
        "Ada", "Ben", "Clara", "David", "Elif", "Felix", "Grace", "Hugo", "Ines", "Jakob", "Kofi", "Lina", "Mateo",
        "Nora", "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe", "Anna",
        "Lukas", "Mia", "Noah", "Emma"
    };
    private static final String[] LAST = {
        "Schmidt",
        "Nguyen",
        "Garcia",
        "Müller",
        "Smith",
        "Kowalski",
        "Rossi",
        "Jensen",
        "Dubois",
        "Yilmaz",
        "Tanaka",
        "Silva",
        "Novak",
        "Fischer",
        "Brown",
        "Andersen",
        "Costa",
        "Meyer",
        "Khan",
        "Ivanova"
    };
    private static final String[] REPLIES = {
        "Hi %s,\n\nthanks for reaching out. I have looked into your account and found the cause. I have fixed it on our side; it can take up to an hour to show in the app.\n\nCould you check and let me know if everything works now?\n\nBest,\n%s",
        "Hello %s,\n\nsorry for the trouble. I need one more detail to help: could you tell me the date and the amount of the transaction?\n\nThanks,\n%s",
        "Hi %s,\n\nI understand how frustrating this is. I have escalated it to our payments team and will update you as soon as I hear back, by tomorrow at the latest.\n\n%s",
        "Dear %s,\n\nthank you for your patience. The issue is resolved: the amount has been returned to your balance.\n\nKind regards,\n%s",
        "Hi %s,\n\nI am sorry my first fix did not hold. I found a second setting on your account that blocked it and have corrected it as well. Please try again and tell me if anything is still wrong.\n\n%s",
    };
    private static final String[] DETAILS = {
        "It was on Tuesday, 45.90 EUR at the supermarket.",
        "The transfer was 250 GBP, sent last Friday to my landlord.",
        "Here are the details: 12.50 EUR, yesterday evening, at the train station machine.",
        "I made the payment on the 3rd, about 80 dollars, online.",
    };
    private static final String[] NOTES = {
        "Checked the ledger: the transaction is still pending with the card network.",
        "Customer has called twice about this already. Please handle with care.",
        "Looks like the known issue with the card processor this week.",
        "Verified identity via the app; safe to proceed.",
    };
    private static final List<Query> BUILT_IN = List.of(
            new Query("My card payment was declined at the shop today, what is wrong?", "declined_card_payment"),
            new Query("I ordered a new card two weeks ago and it still has not arrived.", "card_arrival"),
            new Query("How do I change the PIN of my card?", "change_pin"),
            new Query("The ATM did not give me the cash but my account was charged.", "cash_withdrawal_not_recognised"),
            new Query("My transfer to my landlord has been pending for three days.", "pending_transfer"),
            new Query("Why was I charged a fee for exchanging currency?", "exchange_charge"),
            new Query("I think someone used my card without my permission.", "compromised_card"),
            new Query("My top-up with a bank transfer has not shown up yet.", "top_up_by_bank_transfer_charge"),
            new Query("How can I verify my identity? The app keeps rejecting my photo.", "unable_to_verify_identity"),
            new Query("I want to close my account. How do I do that?", "terminate_account"),
            new Query("Apple Pay stopped working with my card.", "apple_pay_or_google_pay"),
            new Query("A refund from a shop is not showing in my account.", "Refund_not_showing_up"));
}
