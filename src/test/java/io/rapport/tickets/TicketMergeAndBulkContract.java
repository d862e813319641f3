package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Merging tickets and changing many at once (issue 8): black-box over HTTP, on H2 and PostgreSQL. */
abstract class TicketMergeAndBulkContract extends IntegrationTest {

    private JsonNode ticket(String email, String subject, List<String> tags) {
        Api.Response created = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "body",
                                subject + ": help.",
                                "customer",
                                Map.of("email", email),
                                "tags",
                                tags));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode read(long id) {
        return admin().get("/api/v1/tickets/" + id).json();
    }

    private static List<String> bodies(JsonNode ticket) {
        return ticket.get("messages")
                .valueStream()
                .map(m -> m.get("body").asString())
                .toList();
    }

    private static String field(Api.Response answer) {
        return answer.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aMergedTicketsConversationMovesAndItClosesWithALink() {
        String email = unique("merge") + "@example.com";
        JsonNode from = ticket(email, "Card blocked", List.of("cards"));
        long fromId = from.get("id").asLong();
        admin().post("/api/v1/tickets/" + fromId + "/messages", Map.of("body", "We unblocked it."));
        JsonNode into = ticket(email, "Card still blocked", List.of("urgent-case"));
        long intoId = into.get("id").asLong();

        Api.Response merged = admin().post("/api/v1/tickets/" + fromId + "/merge", Map.of("intoId", intoId));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode kept = merged.json();
        assertThat(kept.get("id").asLong()).isEqualTo(intoId);
        assertThat(bodies(kept))
                .contains("Card blocked: help.", "We unblocked it.", "Card still blocked: help.")
                .anyMatch(b ->
                        b.startsWith("Merged from #" + from.get("number").asLong() + " (Card blocked): 2 messages"));
        assertThat(kept.get("tags").valueStream().map(JsonNode::asString)).containsExactly("cards", "urgent-case");

        JsonNode gone = read(fromId);
        assertThat(gone.get("status").asString()).isEqualTo("closed");
        assertThat(gone.get("mergedInto").asLong()).isEqualTo(intoId);
        assertThat(bodies(gone)).singleElement().satisfies(b -> assertThat(b).startsWith("Merged into #"));
        assertThat(admin().get("/api/v1/tickets/" + fromId + "/audit")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("merged");
        assertThat(admin().get("/api/v1/tickets/" + intoId + "/audit")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("merged_in");
    }

    @Test
    void mergesThatCannotBeAreRefusedAndNothingMoves() {
        String email = unique("refuse") + "@example.com";
        long a = ticket(email, "First", List.of()).get("id").asLong();
        long b = ticket(email, "Second", List.of()).get("id").asLong();
        long other = ticket(unique("other") + "@example.com", "Someone else's", List.of())
                .get("id")
                .asLong();

        Api.Response self = admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", a));
        assertThat(self.status()).isEqualTo(400);
        assertThat(field(self)).isEqualTo("intoId");
        Api.Response foreign = admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", other));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(409);
        assertThat(foreign.json().get("detail").asString()).contains("different customers");
        assertThat(bodies(read(other))).hasSize(1);
        assertThat(bodies(read(a))).hasSize(1);
        Api.Response nowhere = admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", 999999999));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(field(nowhere)).isEqualTo("intoId");
        assertThat(admin().post("/api/v1/tickets/999999999/merge", Map.of("intoId", a))
                        .status())
                .isEqualTo(404);
        assertThat(admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", "x"))
                        .status())
                .isEqualTo(400);

        assertThat(admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", b))
                        .status())
                .isEqualTo(200);
        Api.Response again = admin().post("/api/v1/tickets/" + a + "/merge", Map.of("intoId", b));
        assertThat(again.status()).as("merged already").isEqualTo(409);
        Api.Response intoMerged = admin().post("/api/v1/tickets/" + b + "/merge", Map.of("intoId", a));
        assertThat(intoMerged.status()).as("into a merged ticket").isEqualTo(409);
        assertThat(bodies(read(b))).hasSize(3);
    }

    @Test
    void aBulkChangeSaysWhatHappenedToEachTicket() {
        String email = unique("bulk") + "@example.com";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ticket(email, "Bulk " + i, List.of("old", "keep")).get("id").asLong());
        }
        long closed = ticket(email, "Closed one", List.of()).get("id").asLong();
        assertThat(admin().patch("/api/v1/tickets/" + closed, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/tickets/" + closed, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
        long agent = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        Map<String, Object> change = Map.of(
                "assigneeId", agent, "priority", "high", "addTags", List.of("billing"), "removeTags", List.of("old"));
        Api.Response first = admin().post("/api/v1/tickets/bulk", Map.of("ids", ids, "change", change));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("changed").asInt()).isEqualTo(3);
        for (long id : ids) {
            JsonNode t = read(id);
            assertThat(t.get("assigneeId").asLong()).isEqualTo(agent);
            assertThat(t.get("priority").asString()).isEqualTo("high");
            assertThat(t.get("tags").valueStream().map(JsonNode::asString)).containsExactly("billing", "keep");
        }
        JsonNode again = admin().post("/api/v1/tickets/bulk", Map.of("ids", ids, "change", change))
                .json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);

        List<Long> mixed = new ArrayList<>(ids);
        mixed.add(closed);
        mixed.add(999999999L);
        JsonNode reopened = admin().post(
                        "/api/v1/tickets/bulk", Map.of("ids", mixed, "change", Map.of("status", "pending")))
                .json();
        assertThat(reopened.get("changed").asInt()).isEqualTo(3);
        assertThat(reopened.get("failed").asInt()).isEqualTo(2);
        assertThat(reopened.get("items")
                        .valueStream()
                        .filter(i -> i.get("result").asString().equals("failed"))
                        .map(i -> i.get("error").asString()))
                .anyMatch(e -> e.contains("closed") || e.contains("cannot move"))
                .anyMatch(e -> e.contains("not found"));
        assertThat(reopened.get("items")
                        .valueStream()
                        .filter(i -> i.get("id").asLong() == closed)
                        .findFirst()
                        .orElseThrow()
                        .get("number")
                        .isNumber())
                .as("a ticket that failed is named by its number")
                .isTrue();

        JsonNode merged = admin().post(
                        "/api/v1/tickets/bulk", Map.of("ids", ids, "change", Map.of("mergeInto", ids.getFirst())))
                .json();
        assertThat(merged.get("changed").asInt()).isEqualTo(2);
        assertThat(merged.get("unchanged").asInt()).as("the one merged into").isEqualTo(1);
        assertThat(read(ids.get(1)).get("mergedInto").asLong()).isEqualTo(ids.getFirst());
    }

    @Test
    void aBulkChangeThatCannotApplyToAnyTicketIsRefusedBeforeAnyChanges() {
        long id = ticket(unique("bad") + "@example.com", "Bad bulk", List.of())
                .get("id")
                .asLong();
        Map<String, Map<String, Object>> bad = Map.of(
                "assigneeId", Map.of("ids", List.of(id), "change", Map.of("assigneeId", 999999999)),
                "teamId", Map.of("ids", List.of(id), "change", Map.of("teamId", 999999999)),
                "change", Map.of("ids", List.of(id), "change", Map.of()),
                "ids", Map.of("ids", List.of(), "change", Map.of("priority", "low")),
                "priority", Map.of("ids", List.of(id), "change", Map.of("priority", "whenever")),
                "mergeInto", Map.of("ids", List.of(id), "change", Map.of("mergeInto", 999999999)));
        for (var entry : bad.entrySet()) {
            Api.Response answer = admin().post("/api/v1/tickets/bulk", entry.getValue());
            assertThat(answer.status()).as(entry.getKey() + ": " + answer).isEqualTo(400);
            assertThat(field(answer)).isEqualTo(entry.getKey());
        }
        List<Long> tooMany = LongStream.rangeClosed(1, 1001).boxed().toList();
        Api.Response many =
                admin().post("/api/v1/tickets/bulk", Map.of("ids", tooMany, "change", Map.of("priority", "low")));
        assertThat(many.status()).isEqualTo(400);
        assertThat(field(many)).isEqualTo("ids");
        assertThat(read(id).get("priority").asString()).isEqualTo("normal");
    }
}
