package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.support.Api;
import io.rapport.support.TestDatabases;
import io.rapport.support.TestNodes;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL database, as in cluster mode (ADR 12): both run the auto-close and the mail retries, yet
 * every solved ticket closes exactly once and every customer mail goes out once; a node that stops with mails still
 * owed loses none, the other node sends them.
 */
class TwoNodesIntegrationTests {

    static final int TICKETS = 16;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private GreenMail smtp;
    private String database;

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    @Test
    void eachJobRunsOnceAndEachMailGoesOutOnce() throws IOException {
        database = TestDatabases.newPostgresDatabase();
        int smtpPort = freePort();
        ConfigurableApplicationContext a = node(smtpPort);
        ConfigurableApplicationContext b = node(smtpPort);
        JdbcClient db = a.getBean(JdbcClient.class);

        // the mail server is down: every reply mail fails, on the node that handled the reply
        List<JsonNode> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Api api = api(i % 2 == 0 ? a : b);
            JsonNode ticket = api.post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject",
                                    "Cluster " + i,
                                    "body",
                                    "My card was declined",
                                    "customer",
                                    Map.of("email", "cluster-" + i + "-" + UUID.randomUUID() + "@mail.rapport.io")))
                    .json();
            long id = ticket.get("id").asLong();
            assertThat(api.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Try again now, please."))
                            .status())
                    .isEqualTo(201);
            assertThat(api(i % 2 == 0 ? b : a)
                            .patch("/api/v1/tickets/" + id, Map.of("status", "solved"))
                            .status())
                    .isEqualTo(200);
            tickets.add(ticket);
        }

        // both nodes run the auto-close every few hundred milliseconds: each ticket closes, once
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(db.sql(
                                        "SELECT COUNT(*) FROM tkt_ticket WHERE status = 'closed' AND outcome = 'unconfirmed'")
                                .query(Long.class)
                                .single())
                        .isEqualTo(TICKETS));
        for (JsonNode ticket : tickets) {
            assertThat(db.sql("""
                                    SELECT COUNT(*) FROM tkt_audit_event
                                    WHERE ticket_id = ? AND field = 'status' AND after_value = 'closed'
                                    """)
                            .param(ticket.get("id").asLong())
                            .query(Long.class)
                            .single())
                    .as("ticket %s closed once", ticket.get("number"))
                    .isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(failedReplyMails(db)).isEqualTo(TICKETS));

        // the mail server is back: the retries, run by whichever node holds the job, send each mail once, even when
        // both nodes are also told to retry at the same moment (each then races the other for the same publications)
        smtp = mailServer(smtpPort);
        FailedEventPublications onA = a.getBean(FailedEventPublications.class);
        FailedEventPublications onB = b.getBean(FailedEventPublications.class);
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 3; round++) {
                var first = pool.submit(() -> onA.resubmit(ResubmissionOptions.defaults()));
                var second = pool.submit(() -> onB.resubmit(ResubmissionOptions.defaults()));
                first.get();
                second.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(pendingReplyMails(db)).isZero());
        for (JsonNode ticket : tickets) {
            assertThat(replyMailsTo(ticket.get("customer").get("email").asString()))
                    .as("reply mails to the customer of %s", ticket.get("number"))
                    .hasSize(1);
        }

        // a node stops with mails still owed: the other one sends them
        smtp.stop();
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "late-" + i + "-" + UUID.randomUUID() + "@mail.rapport.io";
            long id = api(b).post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject",
                                    "Late " + i,
                                    "body",
                                    "Still declined",
                                    "customer",
                                    Map.of("email", email)))
                    .json()
                    .get("id")
                    .asLong();
            api(b).post("/api/v1/tickets/" + id + "/messages", Map.of("body", "We are on it."));
            late.add(email);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(failedReplyMails(db)).isEqualTo(late.size()));
        b.close();
        nodes.remove(b);
        smtp = mailServer(smtpPort);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(pendingReplyMails(db)).isZero());
        for (String email : late) {
            assertThat(replyMailsTo(email)).as("reply mails to %s", email).hasSize(1);
        }
    }

    private ConfigurableApplicationContext node(int smtpPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtpPort);
        settings.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        settings.put("rapport.portal.auto-close-after", "2s");
        settings.put("rapport.portal.auto-close-check", "300ms");
        settings.put("rapport.jobs.polling-interval", "200ms");
        settings.put("rapport.events.retry-every", "300ms");
        settings.put("rapport.events.retry-backoff", "200ms");
        ConfigurableApplicationContext node = TestNodes.start(database, settings);
        nodes.add(node);
        return node;
    }

    private static Api api(ConfigurableApplicationContext node) {
        return TestNodes.admin(node);
    }

    private static long failedReplyMails(JdbcClient db) {
        return db.sql("""
                        SELECT COUNT(*) FROM event_publication
                        WHERE event_type LIKE '%AgentReplied' AND status = 'FAILED'
                        """).query(Long.class).single();
    }

    private static long pendingReplyMails(JdbcClient db) {
        return db.sql("""
                        SELECT COUNT(*) FROM event_publication
                        WHERE event_type LIKE '%AgentReplied' AND completion_date IS NULL
                        """).query(Long.class).single();
    }

    private List<MimeMessage> replyMailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                        .anyMatch(r -> r.toString().equalsIgnoreCase(address))
                                && !m.getSubject().contains("Is your problem solved");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private GreenMail mailServer(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
