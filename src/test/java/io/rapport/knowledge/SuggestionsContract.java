package io.rapport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.knowledge.internal.ProblemMeanings;
import io.rapport.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Suggestions for a ticket (issue 10, point 4): the contract's call answers the article and the solved ticket about
 * the same problem first, never the ticket itself or an unsolved one, and records which suggestion an agent used; on
 * H2 and PostgreSQL. Each test's problem carries a word of its own.
 */
abstract class SuggestionsContract extends IntegrationTest {

    @Autowired
    Search search;

    @Autowired
    TicketSuggestions suggestions;

    @Autowired
    ProblemMeanings meanings;

    static String word() {
        return unique("sg").replace("-", "");
    }

    long article(String title, String body, String visibility) {
        var r = admin().post("/api/v1/articles", Map.of("title", title, "body", body, "visibility", visibility));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode ticket(String subject, String body) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                body,
                                "customer",
                                Map.of("email", unique("c") + "@example.com")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void theArticleAndTheSolvedTicketAboutTheSameProblemComeFirst() {
        String w = word();
        long reset = article(
                "Reset your password " + w,
                "If the password reset email does not arrive, check the spam folder, then ask for a new reset link. "
                        + w,
                "public");
        long internal = article(
                "Locked admin accounts " + w,
                "A locked admin cannot reset the password by email; unlock the account in the console first. " + w,
                "internal");
        long shipping = article("Shipping times " + w, "Parcels take three days to arrive.", "public");
        JsonNode solved = ticket("Password reset email " + w, "The password reset email never arrives. " + w);
        assertThat(admin().patch("/api/v1/tickets/" + solved.get("id").asLong(), Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        JsonNode open = ticket("Reset email missing " + w, "Still no password reset email for me either. " + w);
        JsonNode asking = ticket(
                "Cannot reset my password " + w,
                "I asked to reset my password twice but the reset email does not arrive. " + w);
        search.catchUp();

        var r = admin().get("/api/v1/tickets/" + asking.get("id").asLong() + "/suggestions");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode answer = r.json();
        List<Long> articles = ids(answer.get("articles"));
        assertThat(articles).as(answer.toString()).first().isEqualTo(reset);
        assertThat(articles).as("staff see internal articles too").contains(internal);
        if (articles.contains(shipping)) {
            // other tests' articles share this index: only the order among this test's own is certain
            assertThat(articles.indexOf(shipping))
                    .as("the article on another problem comes after both about this one")
                    .isGreaterThan(articles.indexOf(internal));
        }
        JsonNode first = answer.get("articles").get(0);
        assertThat(first.get("url").asString()).contains("/help/articles/" + reset + "-");
        assertThat(first.get("snippet").asString()).contains("<mark>");

        List<Long> similar = ids(answer.get("similarTickets"));
        assertThat(similar)
                .as("other tests' solved tickets share this index: this one comes first " + answer)
                .first()
                .isEqualTo(solved.get("id").asLong());
        assertThat(similar)
                .doesNotContain(open.get("id").asLong(), asking.get("id").asLong());
        assertThat(answer.get("similarTickets").get(0).get("number").asLong())
                .isEqualTo(solved.get("number").asLong());
    }

    @Test
    void aSolvedTicketThatSaysTheSameInOtherWordsIsSuggested() {
        // no word in common: only what the two mean brings them together (ADR 31)
        JsonNode solved = ticket("Noisy bird", "Our bird shrieks loudly after dark, every single evening.");
        long solvedId = solved.get("id").asLong();
        assertThat(admin().patch("/api/v1/tickets/" + solvedId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        JsonNode asking = ticket("Parrot problem", "My parrot will not stop screaming at night.");
        search.catchUp();
        assertThat(meanings.of(List.of(solvedId)))
                .as("the index worked out the solved ticket's meaning and kept it")
                .containsKey(solvedId);

        var r = admin().get("/api/v1/tickets/" + asking.get("id").asLong() + "/suggestions");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(ids(r.json().get("similarTickets"))).as(r.json().toString()).contains(solvedId);
        assertThat(meanings.of(List.of(asking.get("id").asLong())))
                .as("the asking ticket's meaning is kept for the next time")
                .hasSize(1);
    }

    @Test
    void aTicketWithoutALanguageStillGetsSuggestions() {
        JsonNode ticket = ticket("#4711", "12345 678");
        assertThat(ticket.has("language") && !ticket.get("language").isNull())
                .as("nothing to detect a language in")
                .isFalse();
        var r = admin().get("/api/v1/tickets/" + ticket.get("id").asLong() + "/suggestions");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void anAgentsUseOfASuggestionIsRecorded() {
        String w = word();
        long a = article("Refund timing " + w, "Refunds take five days. " + w, "public");
        long ticket = ticket("Refund " + w, "When does my refund come? " + w)
                .get("id")
                .asLong();
        var used = admin().post("/api/v1/tickets/" + ticket + "/suggestions/used", Map.of("type", "article", "id", a));
        assertThat(used.status()).as(used.toString()).isEqualTo(204);
        assertThat(suggestions.usedOn(ticket, "article")).isEqualTo(1);
        assertThat(admin().post("/api/v1/tickets/" + ticket + "/suggestions/used", Map.of("type", "video", "id", a))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post("/api/v1/tickets/987654321/suggestions/used", Map.of("type", "article", "id", a))
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/tickets/987654321/suggestions").status())
                .isEqualTo(404);
    }
}
