package io.rapport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Search over the API (issue 10, points 2 and 6): relevance, stemming in the ticket's language, phrases and prefixes,
 * filters, highlighted and escaped snippets, customers by name and address, what a customer may find; on H2 and
 * PostgreSQL. Tests share one database and index, so each gives its tickets a word of its own and searches with it.
 */
abstract class SearchContract extends IntegrationTest {

    @Autowired
    Search search;

    /** A word no other test's tickets contain. */
    static String word() {
        return unique("zq").replace("-", "");
    }

    JsonNode ticket(String subject, String body, String email, List<String> tags) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", subject, "body", body, "customer", Map.of("email", email), "tags", tags));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode find(String query) {
        search.catchUp();
        var r = admin().get("/api/v1/search?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void theTicketAboutItComesFirst() {
        String w = word();
        long passing = ticket(
                        "Question about my account " + w,
                        "Hello, I have a general question. By the way my card works fine, thanks. " + w,
                        unique("a") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        long declined = ticket(
                        "Card declined at the shop " + w,
                        "My card was declined at the shop today although I have money. " + w,
                        unique("b") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        ticket("Where is my parcel " + w, "The parcel has not arrived. " + w, unique("c") + "@rapport.test", List.of());

        JsonNode answer = find(q(w + " card declined"));
        assertThat(ids(answer)).as(answer.toString()).containsExactly(declined);
        JsonNode wider = find(q(w + " card"));
        assertThat(ids(wider)).as("subject and body over a passing mention").containsExactly(declined, passing);
        assertThat(wider.get("total").asLong()).isEqualTo(2);
        assertThat(wider.get("items").get(0).get("type").asString()).isEqualTo("ticket");
        assertThat(wider.get("items").get(0).get("title").asString()).startsWith("Card declined");
    }

    @Test
    void wordsMatchTheirOtherFormsInTheTicketsLanguage() {
        String w = word();
        long english = ticket(
                        "Payments " + w,
                        "Both of my payments were declined yesterday evening at the supermarket. " + w,
                        unique("e") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        long german = ticket(
                        "Zahlungen " + w,
                        "Meine Zahlungen wurden gestern Abend im Supermarkt abgelehnt, bitte helfen Sie mir. " + w,
                        unique("g") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        assertThat(ids(find(q(w + " payment declining")))).containsExactly(english);
        assertThat(ids(find(q(w + " zahlung")))).containsExactly(german);
        assertThat(ids(find(q(w + " \"payments were declined\"")))).containsExactly(english);
        assertThat(ids(find(q(w + " \"payment was declined\""))))
                .as("a quoted phrase means its words as written")
                .isEmpty();
    }

    @Test
    void phrasesPrefixesAndTheWordBeingTyped() {
        String w = word();
        long exact = ticket(
                        "Transfer " + w,
                        "The transfer to my landlord never arrived. " + w,
                        unique("p") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        long shuffled = ticket(
                        "Landlord " + w,
                        "My landlord says the money never came; the transfer shows as sent. " + w,
                        unique("p") + "@rapport.test",
                        List.of())
                .get("id")
                .asLong();
        assertThat(ids(find(q(w + " \"transfer to my landlord\"")))).containsExactly(exact);
        assertThat(ids(find(q(w + " transfer landlord")))).containsExactlyInAnyOrder(exact, shuffled);
        assertThat(ids(find(q(w + " landl")))).as("as you type").containsExactlyInAnyOrder(exact, shuffled);
        assertThat(ids(find(q(w + " landl ")))).as("a finished word is a word").isEmpty();
        assertThat(ids(find(q(w + " transf*")))).containsExactlyInAnyOrder(exact, shuffled);
        assertThat(ids(find(q(w + " transfer -arrived")))).containsExactly(shuffled);
    }

    @Test
    void filtersNarrowTheTickets() {
        String w = word();
        String email = unique("f") + "@rapport.test";
        JsonNode first = ticket(
                "Refund " + w,
                "I would like a refund for the order that never arrived. " + w,
                email,
                List.of("refund", "vip"));
        JsonNode second = ticket(
                "Refund again " + w,
                "I am still waiting for the refund you promised me last week. " + w,
                email,
                List.of("refund"));
        long firstId = first.get("id").asLong();
        long secondId = second.get("id").asLong();
        JsonNode agent = newAgent("agent");
        var r = admin().patch(
                        "/api/v1/tickets/" + secondId,
                        Map.of(
                                "status",
                                "pending",
                                "assigneeId",
                                agent.get("id").asLong()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        assertThat(ids(find(q(w) + "&type=ticket"))).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(ids(find(q(w) + "&status=pending"))).containsExactly(secondId);
        assertThat(ids(find(q(w) + "&status=new,pending"))).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(ids(find(q(w) + "&tag=vip"))).containsExactly(firstId);
        assertThat(ids(find(q(w) + "&tag=vip&tag=refund"))).containsExactly(firstId);
        assertThat(ids(find(q(w) + "&assigneeId=" + agent.get("id").asLong()))).containsExactly(secondId);
        assertThat(ids(find(q(w) + "&channel=api"))).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(ids(find(q(w) + "&channel=email"))).isEmpty();
        assertThat(ids(find(q(w) + "&language=en"))).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(ids(find(q(w) + "&from=2000-01-01&to=2999-01-01"))).hasSize(2);
        assertThat(ids(find(q(w) + "&to=2000-01-01"))).isEmpty();
    }

    @Test
    void snippetsMarkTheWordsAndEscapeWhatCustomersWrote() {
        String w = word();
        ticket(
                "Odd page " + w,
                "The page shows <script>alert(1)</script> and <b>bold</b> text when I open my statement " + w,
                unique("h") + "@rapport.test",
                List.of());
        JsonNode hit = find(q(w + " statement")).get("items").get(0);
        String snippet = hit.get("snippet").asString();
        assertThat(snippet).contains("<mark>statement</mark>").contains("<mark>" + w + "</mark>");
        assertThat(snippet)
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<b>");
    }

    @Test
    void snippetsMarkWhatAPrefixStoodForAndAPhraseOnlyWhole() {
        String w = word();
        ticket(
                "Payment trouble " + w,
                "The card was fine and the payment failed, then the card payment went through, reference " + w,
                unique("p") + "@rapport.test",
                List.of());

        String typed =
                find(q(w + " went throu")).get("items").get(0).get("snippet").asString();
        assertThat(typed).as("the word being typed is marked whole").contains("<mark>through</mark>");

        String phrase = find(q(w + " \"card payment\""))
                .get("items")
                .get(0)
                .get("snippet")
                .asString();
        assertThat(phrase)
                .containsAnyOf("<mark>card</mark> <mark>payment</mark>", "<mark>card payment</mark>")
                .as("the words of a phrase are marked only where they stand together")
                .doesNotContain("The <mark>card</mark> was")
                .doesNotContain("the <mark>payment</mark> failed");
    }

    @Test
    void internalNotesAreFoundByStaffOnlyAndCustomersFindOnlyTheirOwnTickets() {
        String w = word();
        String noteWord = word();
        String email = unique("own") + "@rapport.test";
        JsonNode own = ticket("Login trouble " + w, "I cannot log in. " + w, email, List.of());
        long ownId = own.get("id").asLong();
        long customerId = own.get("customer").get("id").asLong();
        ticket("Login trouble too " + w, "Neither can I. " + w, unique("other") + "@rapport.test", List.of());
        var note = admin().post(
                        "/api/v1/tickets/" + ownId + "/messages",
                        Map.of("body", "Checked the logs: " + noteWord + " lockout.", "visibility", "internal"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);

        JsonNode staff = find(q(noteWord));
        assertThat(ids(staff)).containsExactly(ownId);
        assertThat(staff.get("items").get(0).get("snippet").asString()).contains("<mark>" + noteWord + "</mark>");

        search.catchUp();
        SearchResults theirs = search.find(SearchRequest.of(w), Searcher.customer(customerId));
        assertThat(theirs.items()).extracting(SearchHit::id).containsExactly(ownId);
        assertThat(search.find(SearchRequest.of(noteWord), Searcher.customer(customerId))
                        .items())
                .as("a customer never finds a ticket by its internal notes")
                .isEmpty();
    }

    @Test
    void customersAreFoundByNameAndAddressAsYouType() {
        String w = word();
        String email = "zelda." + w + "@rapport.test";
        JsonNode t = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Hello",
                                "body",
                                "Just saying hello.",
                                "customer",
                                Map.of("email", email, "name", "Zelda Quentin" + w)))
                .json();
        long customerId = t.get("customer").get("id").asLong();

        JsonNode byName = find(q("Quentin" + w.substring(0, 6)) + "&type=customer");
        assertThat(ids(byName)).contains(customerId);
        JsonNode byAddress = find(q("zelda." + w) + "&type=customer");
        assertThat(ids(byAddress)).containsExactly(customerId);
        assertThat(byAddress.get("items").get(0).get("title").asString()).isEqualTo("Zelda Quentin" + w);
        JsonNode tickets = find(q("Quentin" + w) + "&type=ticket");
        assertThat(ids(tickets))
                .as("a customer's tickets by their name")
                .containsExactly(t.get("id").asLong());

        var renamed = admin().patch("/api/v1/customers/" + customerId, Map.of("name", "Zelda Renamed" + w));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(ids(find(q("Renamed" + w) + "&type=customer"))).containsExactly(customerId);
        assertThat(ids(find(q("Renamed" + w) + "&type=ticket")))
                .containsExactly(t.get("id").asLong());
        assertThat(ids(find(q("Quentin" + w)))).isEmpty();
    }

    @Test
    void aTicketNumberFindsItsTicketFirst() {
        String w = word();
        JsonNode t = ticket("Numbered " + w, "Find me by number " + w, unique("n") + "@rapport.test", List.of());
        JsonNode answer = find(q("#" + t.get("number").asLong()));
        assertThat(ids(answer).getFirst()).isEqualTo(t.get("id").asLong());
    }

    @Test
    void badSearchesAreRefusedWithAReason() {
        for (String bad : List.of(
                "q=" + "x".repeat(501),
                "q=a&size=0",
                "q=a&size=101",
                "q=a&page=-1",
                "q=a&page=5000&size=100",
                "q=a&type=bogus",
                "q=a&status=bogus",
                "q=a&channel=pigeon",
                "q=a&from=yesterday",
                "q=a&from=2026-02-01&to=2026-01-01",
                "q=a&language=english",
                "q=a&page=x",
                "q=a&page=2147483647",
                "q=a&from=%2B300000000-01-01T00:00:00Z",
                "q=" + "word%20".repeat(33),
                "q=a"
                        + java.util.stream.IntStream.range(0, 11)
                                .mapToObj(i -> "&tag=t" + i)
                                .collect(java.util.stream.Collectors.joining()))) {
            var r = admin().get("/api/v1/search?" + bad);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
        }
        assertThat(find("q=").get("total").asLong()).isZero();
        assertThat(find(q("\"unclosed phrase")).get("items").isArray()).isTrue();
        assertThat(find(q("((( ||| --- ***")).get("items").isArray()).isTrue();
        String w = word();
        assertThat(find(q(w) + "&type=article").get("total").asLong())
                .as("no article has this word")
                .isZero();
        assertThat(anonymous().get("/api/v1/search?q=a").status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsRebuildAndEveryoneSeesTheIndexState() {
        JsonNode agent = newAgent("agent");
        var asAgent = anonymous().basic(agent.get("email").asString(), "agent-password-1");
        assertThat(asAgent.post("/api/v1/search/rebuild", Map.of()).status()).isEqualTo(403);
        var status = asAgent.get("/api/v1/search/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("documents").asLong()).isPositive();
    }
}
