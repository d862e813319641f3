package io.rapport.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * An event can reach its listener more than once (a retry after a crash between the mail and the registry's
 * "completed", a second node): the customer still gets the mail once.
 */
@H2Database
class CustomerMailOnceIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerMail customerMail;

    @Autowired
    Tickets tickets;

    @Test
    void aReplyHandledTwiceOrTwiceAtOnceIsMailedOnce() throws Exception {
        String email = "once-" + UUID.randomUUID() + "@mail.rapport.io";
        JsonNode ticket = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", "Once only", "body", "Card declined", "customer", Map.of("email", email)))
                .json();
        long id = ticket.get("id").asLong();
        JsonNode reply = admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Unblocked."))
                .json();
        TestMail.waitFor(email, m -> TestMail.text(m).contains("Unblocked."));

        AgentReplied again = new AgentReplied(
                id, reply.get("id").asLong(), reply.get("author").get("id").asLong(), false);
        // the listener itself, not its asynchronous proxy: when these calls return, their mails are sent or not
        CustomerMail listener = AopTestUtils.getUltimateTargetObject(customerMail);
        listener.on(again);
        try (var pool = Executors.newFixedThreadPool(4)) {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> listener.on(again), pool),
                            CompletableFuture.runAsync(() -> listener.on(again), pool),
                            CompletableFuture.runAsync(() -> listener.on(again), pool),
                            CompletableFuture.runAsync(() -> listener.on(again), pool))
                    .get();
        }
        assertThat(TestMail.allTo(email)).hasSize(1);

        // a second reply is a second mail
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "And a second thought."));
        TestMail.waitFor(email, m -> TestMail.text(m).contains("second thought"));
        TicketView stored = tickets.get(id);
        assertThat(stored.messages()).hasSize(3);
        assertThat(TestMail.allTo(email)).hasSize(2);
    }
}
