package io.rapport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The repeat-contact watch (issue 10, point 5; ADR 30), end to end through the contract's calls on H2 and PostgreSQL:
 * a customer's new ticket about the problem solved days ago carries {@code repeatOf} from its first answer, and the
 * earlier ticket's outcome becomes repeat_contact; another problem, another customer, a ticket solved too long ago or
 * not solved at all stay apart. Each test has a customer of its own.
 */
abstract class RepeatContactContract extends IntegrationTest {

    static final String DECLINED_SUBJECT = "Card declined at the shop";
    static final String DECLINED = "My card payment was declined at the shop today. I have money in the account.";
    static final String DECLINED_AGAIN_SUBJECT = "Declined again";
    static final String DECLINED_AGAIN = "Again my card got declined when paying in a store, same as last week.";

    @Autowired
    JdbcClient db;

    JsonNode ticket(String customer, String subject, String body) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", subject, "body", body, "customer", Map.of("email", customer)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode solved(String customer, String subject, String body) {
        JsonNode t = ticket(customer, subject, body);
        var r = admin().patch("/api/v1/tickets/" + t.get("id").asLong(), Map.of("status", "solved"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode get(JsonNode ticket) {
        var r = admin().get("/api/v1/tickets/" + ticket.get("id").asLong());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static String customer() {
        return unique("repeat") + "@example.com";
    }

    static boolean linked(JsonNode ticket) {
        return ticket.has("repeatOf") && !ticket.get("repeatOf").isNull();
    }

    @Test
    void theSameProblemBackWithinFourteenDaysIsLinkedAndTheEarlierOutcomeSaysSo() {
        String customer = customer();
        JsonNode earlier = solved(customer, DECLINED_SUBJECT, DECLINED);
        assertThat(earlier.get("outcome").asString()).isEqualTo("unknown");

        JsonNode again = ticket(customer, DECLINED_AGAIN_SUBJECT, DECLINED_AGAIN);

        assertThat(again.get("repeatOf").asLong())
                .as("the answer to opening it already says so: " + again)
                .isEqualTo(earlier.get("id").asLong());
        assertThat(get(again).get("repeatOf").asLong())
                .isEqualTo(earlier.get("id").asLong());
        JsonNode before = get(earlier);
        assertThat(before.get("outcome").asString()).isEqualTo("repeat_contact");
        assertThat(before.get("status").asString())
                .as("its status is the team's to change")
                .isEqualTo("solved");

        var audit = admin().get("/api/v1/tickets/" + earlier.get("id").asLong() + "/audit")
                .json();
        assertThat(audit.toString())
                .contains("repeated_in")
                .contains("#" + again.get("number").asLong())
                .contains("repeat_contact");
        var newAudit = admin().get("/api/v1/tickets/" + again.get("id").asLong() + "/audit")
                .json();
        assertThat(newAudit.toString())
                .contains("repeat_of")
                .contains("#" + earlier.get("number").asLong());
    }

    @Test
    void anotherProblemFromTheSameCustomerIsNotLinked() {
        String customer = customer();
        JsonNode earlier = solved(customer, DECLINED_SUBJECT, DECLINED);

        JsonNode moved = ticket(customer, "New address", "I moved last month, please update my postal address.");

        assertThat(linked(moved)).as(moved.toString()).isFalse();
        assertThat(get(earlier).get("outcome").asString()).isEqualTo("unknown");
    }

    @Test
    void theSameProblemFromAnotherCustomerIsNotARepeatContact() {
        JsonNode earlier = solved(customer(), DECLINED_SUBJECT, DECLINED);

        JsonNode other = ticket(customer(), DECLINED_AGAIN_SUBJECT, DECLINED_AGAIN);

        assertThat(linked(other)).isFalse();
        assertThat(get(earlier).get("outcome").asString()).isEqualTo("unknown");
    }

    @Test
    void aProblemSolvedMoreThanFourteenDaysAgoOrNotSolvedAtAllIsNotLinked() {
        String customer = customer();
        JsonNode old = solved(customer, DECLINED_SUBJECT, DECLINED);
        Instant fifteenDaysAgo = Instant.now().minus(15, ChronoUnit.DAYS);
        db.sql("UPDATE tkt_ticket SET solved_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(fifteenDaysAgo), old.get("id").asLong())
                .update();
        JsonNode stillOpen = ticket(customer, DECLINED_SUBJECT, DECLINED);

        JsonNode again = ticket(customer, DECLINED_AGAIN_SUBJECT, DECLINED_AGAIN);

        assertThat(linked(again)).as(again.toString()).isFalse();
        assertThat(get(old).get("outcome").asString()).isEqualTo("unknown");
        assertThat(get(stillOpen).get("outcome").asString()).isEqualTo("unknown");
    }

    @Test
    void aConfirmedSolutionThatDidNotHoldBecomesARepeatContactToo() {
        String customer = customer();
        JsonNode earlier =
                solved(customer, "Cannot log in", "I cannot log in to the app, it says my password is wrong.");
        db.sql("UPDATE tkt_ticket SET status = 'closed', outcome = 'confirmed' WHERE id = ?")
                .param(earlier.get("id").asLong())
                .update();

        JsonNode again =
                ticket(customer, "Login fails again", "The app again refuses my password when I try to sign in.");

        assertThat(again.get("repeatOf").asLong()).isEqualTo(earlier.get("id").asLong());
        assertThat(get(earlier).get("outcome").asString()).isEqualTo("repeat_contact");
    }

    @Test
    void anAgentUndoesAWrongLinkAndTheEarlierOutcomeComesBack() {
        String customer = customer();
        JsonNode earlier = solved(customer, DECLINED_SUBJECT, DECLINED);
        db.sql("UPDATE tkt_ticket SET outcome = 'unconfirmed' WHERE id = ?")
                .param(earlier.get("id").asLong())
                .update();
        JsonNode again = ticket(customer, DECLINED_AGAIN_SUBJECT, DECLINED_AGAIN);
        assertThat(get(earlier).get("outcome").asString()).isEqualTo("repeat_contact");

        var r = admin().delete("/api/v1/tickets/" + again.get("id").asLong() + "/repeat-of");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(linked(r.json())).isFalse();
        assertThat(linked(get(again))).isFalse();
        assertThat(get(earlier).get("outcome").asString())
                .as("back to what it was before the watch")
                .isEqualTo("unconfirmed");
        assertThat(admin().get("/api/v1/tickets/" + earlier.get("id").asLong() + "/audit")
                        .json()
                        .toString())
                .contains("repeat_unlinked_from");
        assertThat(admin().get("/api/v1/tickets/" + again.get("id").asLong() + "/audit")
                        .json()
                        .toString())
                .contains("repeat_unlinked");

        var twice = admin().delete("/api/v1/tickets/" + again.get("id").asLong() + "/repeat-of");
        assertThat(twice.status()).as("nothing to undo: unchanged").isEqualTo(200);
        assertThat(admin().delete("/api/v1/tickets/987654321/repeat-of").status())
                .isEqualTo(404);
    }

    @Test
    void undoingOneOfTwoRepeatsKeepsTheEarlierTicketARepeatContact() {
        String customer = customer();
        JsonNode earlier = solved(customer, DECLINED_SUBJECT, DECLINED);
        JsonNode first = ticket(customer, DECLINED_AGAIN_SUBJECT, DECLINED_AGAIN);
        JsonNode second = ticket(customer, "Declined once more", "My card was declined again in a shop this morning.");
        assertThat(first.get("repeatOf").asLong()).isEqualTo(earlier.get("id").asLong());
        assertThat(second.get("repeatOf").asLong())
                .as("the first repeat is not solved, so the second links to the solved one too")
                .isEqualTo(earlier.get("id").asLong());

        assertThat(admin().delete("/api/v1/tickets/" + first.get("id").asLong() + "/repeat-of")
                        .status())
                .isEqualTo(200);

        assertThat(get(earlier).get("outcome").asString()).isEqualTo("repeat_contact");
        assertThat(get(second).get("repeatOf").asLong())
                .isEqualTo(earlier.get("id").asLong());
    }
}
