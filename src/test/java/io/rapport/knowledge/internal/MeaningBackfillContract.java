package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.Customers;
import io.rapport.knowledge.MeaningBackfill;
import io.rapport.knowledge.MeaningBackfillStatus;
import io.rapport.knowledge.MeaningBackfillStatus.State;
import io.rapport.knowledge.Search;
import io.rapport.knowledge.SearchHit;
import io.rapport.support.IntegrationTest;
import io.rapport.tickets.TicketDocument;
import io.rapport.tickets.Tickets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The meanings of tickets solved before meanings existed (ADR 33), on H2 and PostgreSQL: an admin starts the walk, it
 * pauses and resumes, and at the end each solved ticket that had no vector has one, in the table and in the search
 * index (found by meaning though it shares no word), while open tickets are left alone.
 */
abstract class MeaningBackfillContract extends IntegrationTest {

    @Autowired
    JdbcClient db;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    MeaningBackfill backfill;

    @Autowired
    MeaningBackfillWork work;

    @Autowired
    MeaningBackfillStore store;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    long ticket(String subject, String body) {
        return newTicket(subject, body, unique("mb") + "@rapport.test")
                .get("id")
                .asLong();
    }

    void solve(long id) {
        var r = admin().patch("/api/v1/tickets/" + id, Map.of("status", "solved"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** Whether the ticket has a vector of the model in use. */
    boolean hasMeaning(long id) {
        return db.sql("SELECT COUNT(*) FROM kn_problem_meaning WHERE ticket_id = ? AND model = ?")
                        .params(id, Meaning.MODEL)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** As a desk upgraded from before meanings: no vector in the table, none in the index. */
    void forgetMeanings(List<Long> ids) {
        search.catchUp();
        db.sql("DELETE FROM kn_problem_meaning WHERE ticket_id IN (:ids)")
                .param("ids", ids)
                .update();
        List<TicketDocument> docs = tickets.documents(ids);
        Map<Long, io.rapport.accounts.CustomerRef> refs = new java.util.HashMap<>(
                customers.refs(docs.stream().map(TicketDocument::customerId).toList()));
        index.put(docs, refs, List.of());
        index.refresh();
    }

    List<Long> nearest(String text) {
        return index.nearest(Meaning.of(text), SearchIndex.solvedTicketsOtherThan(0), 5).stream()
                .map(SearchHit::id)
                .toList();
    }

    /** Lets a walk another test started end first: a new one starts from the newest ticket. */
    void noWalkUnderWay() {
        MeaningBackfillStatus now = backfill.status();
        if (now.state() == State.PAUSED || now.state() == State.FAILED) {
            backfill.start(1);
        }
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> backfill.status().state() != State.RUNNING);
    }

    @Test
    void anAdminWorksOutTheMeaningsOfEarlierSolvedTicketsNewestFirstPausingOnTheWay() {
        String w = unique("lamp").replace("-", "");
        long oldest = ticket("Bicycle bell " + w, "The bell on my new bicycle makes no sound at all when I ring it.");
        solve(oldest);
        for (int i = 0; i < MeaningBackfillWork.SPAN; i++) {
            ticket("Filler " + i + " " + w, "Not solved, so not the walk's business.");
        }
        long older = ticket(
                "Lighthouse lamp " + w, "The lamp of the lighthouse model I bought flickers whenever it rains hard.");
        long newer = ticket(
                "Greenhouse vent " + w, "The automatic window of my greenhouse will not close when the sun goes down.");
        long open = ticket("Still open " + w, "My garden gnome lost its hat in the wind yesterday.");
        solve(older);
        solve(newer);
        forgetMeanings(List.of(oldest, older, newer, open));
        assertThat(hasMeaning(oldest) || hasMeaning(older) || hasMeaning(newer) || hasMeaning(open))
                .isFalse();
        // a vector an earlier model made: not this model's, so the walk works out its own beside it
        db.sql(
                        "INSERT INTO kn_problem_meaning (ticket_id, model, vector, created_at) VALUES (?, 'an-older-model', ?, ?)")
                .params(older, Meaning.bytes(new float[] {1, 0, 0}), java.time.OffsetDateTime.now())
                .update();
        String paraphrase = "my toy beacon light blinks during storms";
        assertThat(nearest(paraphrase)).as("no vector, so not near in meaning").doesNotContain(older);
        Tickets.SolvedWindow window = tickets.solvedBelow(open + 1, 3);
        assertThat(window.solved()).as("solved ones only, newest first").containsExactly(newer, older);
        assertThat(window.lowestId()).isEqualTo(older);

        noWalkUnderWay();
        // started, one page worked and paused in one transaction: the job never sees it running
        transaction.executeWithoutResult(tx -> {
            backfill.start(1);
            assertThat(work.page(() -> false)).isTrue();
            backfill.pause();
        });
        MeaningBackfillStatus paused = backfill.status();
        assertThat(paused.state()).isEqualTo(State.PAUSED);
        assertThat(paused.toLookAt()).as("counted by its first step").isGreaterThanOrEqualTo(3);
        assertThat(paused.lookedAt()).as("the newest page: this test's two").isEqualTo(2);
        assertThat(paused.workedOut()).isEqualTo(2);
        assertThat(paused.percent()).isBetween(0, 99);
        assertThat(hasMeaning(newer) && hasMeaning(older))
                .as("the newest first")
                .isTrue();
        assertThat(hasMeaning(oldest)).as("a page further down").isFalse();
        sleep(2_500); // longer than the job's check in tests (1 s)
        assertThat(backfill.status().lookedAt())
                .as("nothing is looked at while paused")
                .isEqualTo(2);
        assertThat(hasMeaning(oldest)).isFalse();
        assertThat(admin().get("/api/v1/search/meanings").json().get("state").asString())
                .isEqualTo("paused");

        var resumed = admin().post("/api/v1/search/meanings/backfill", Map.of());
        assertThat(resumed.status()).isEqualTo(202);
        assertThat(resumed.json().get("state").asString()).isEqualTo("running");
        assertThat(resumed.json().get("lookedAt").asLong())
                .as("resumed where it was, not started over")
                .isEqualTo(2);
        assertThat(resumed.json().get("startedAt").asString())
                .isEqualTo(paused.startedAt().toString());
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> backfill.status().state() == State.DONE);

        MeaningBackfillStatus done = backfill.status();
        assertThat(done.lookedAt()).isGreaterThanOrEqualTo(3);
        assertThat(done.workedOut()).isGreaterThanOrEqualTo(3);
        assertThat(done.skipped()).isZero();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.left()).isNull();
        assertThat(hasMeaning(oldest)).isTrue();
        assertThat(hasMeaning(older)).as("beside the older model's").isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM kn_problem_meaning WHERE ticket_id = ?")
                        .param(older)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(hasMeaning(open)).as("not solved: not the walk's business").isFalse();

        search.catchUp();
        assertThat(nearest(paraphrase))
                .as("every node's index took the vector up through the change log")
                .contains(older);
        assertThat(nearest("the vent of my glass house stays open at night")).contains(newer);
    }

    @Test
    void onlyAdminsStartOrPauseItAndEveryAgentSeesHowItStands() {
        JsonNode agent = newAgent("agent");
        var asAgent = new io.rapport.support.Api(port).basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.post("/api/v1/search/meanings/backfill", Map.of()).status())
                .isEqualTo(403);
        assertThat(asAgent.post("/api/v1/search/meanings/backfill/pause", Map.of())
                        .status())
                .isEqualTo(403);
        var status = asAgent.get("/api/v1/search/meanings");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("state").asString()).isIn("idle", "running", "paused", "done", "failed");
        assertThat(anonymous().get("/api/v1/search/meanings").status()).isEqualTo(401);
    }

    @Test
    void aSecondStartWhileItRunsChangesNothingAndAStalePageIsNotCounted() {
        noWalkUnderWay();
        transaction.executeWithoutResult(tx -> {
            backfill.start(1);
            MeaningBackfillStatus first = backfill.status();
            backfill.start(2);
            MeaningBackfillStatus again = backfill.status();
            assertThat(again.state()).isEqualTo(State.RUNNING);
            assertThat(again.startedAt()).as("the running walk goes on").isEqualTo(first.startedAt());
            assertThat(store.advance(-1, 0, 5, 5, 0, 10))
                    .as("a page from where the walk is not")
                    .isFalse();
            assertThat(backfill.status().lookedAt()).isZero();
            backfill.pause();
        });
        noWalkUnderWay();
        assertThat(backfill.status().state()).isEqualTo(State.DONE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
