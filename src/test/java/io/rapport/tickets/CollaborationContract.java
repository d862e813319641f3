package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Related tickets, followers and @mentions over the API (issue 8, point 4); run on H2 and PostgreSQL. */
abstract class CollaborationContract extends IntegrationTest {

    private List<Long> relatedIds(long ticket) {
        return admin().get("/api/v1/tickets/" + ticket + "/links")
                .json()
                .valueStream()
                .map(r -> r.get("id").asLong())
                .toList();
    }

    private List<Long> followers(long ticket) {
        return admin().get("/api/v1/tickets/" + ticket + "/followers")
                .json()
                .get("agentIds")
                .valueStream()
                .map(JsonNode::asLong)
                .toList();
    }

    private List<String> activity(long ticket) {
        return admin().get("/api/v1/tickets/" + ticket + "/audit")
                .json()
                .valueStream()
                .map(e -> e.get("action").asString() + " " + e.path("after").asString(""))
                .toList();
    }

    @Test
    void relatedTicketsAreLinkedBothWaysOnceAndUnlinked() {
        JsonNode a = newTicket("Outage in Berlin", unique("a") + "@rapport.test");
        JsonNode b = newTicket("Cannot pay in Berlin", unique("b") + "@rapport.test");
        long aId = a.get("id").asLong();
        long bId = b.get("id").asLong();

        var linked = admin().post("/api/v1/tickets/" + aId + "/links", Map.of("relatedId", bId));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get(0).get("number").asLong())
                .isEqualTo(b.get("number").asLong());
        assertThat(admin().post("/api/v1/tickets/" + bId + "/links", Map.of("relatedId", aId))
                        .status())
                .as("linking again from the other side changes nothing")
                .isEqualTo(200);
        assertThat(relatedIds(aId)).containsExactly(bId);
        assertThat(relatedIds(bId)).containsExactly(aId);
        assertThat(activity(aId)).contains("linked #" + b.get("number").asLong());
        assertThat(activity(bId)).contains("linked #" + a.get("number").asLong());

        var self = admin().post("/api/v1/tickets/" + aId + "/links", Map.of("relatedId", aId));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asString()).contains("relatedId");
        assertThat(admin().post("/api/v1/tickets/" + aId + "/links", Map.of("relatedId", 987654321L))
                        .status())
                .isEqualTo(400);
        assertThat(admin().get("/api/v1/tickets/987654321/links").status()).isEqualTo(404);

        assertThat(admin().delete("/api/v1/tickets/" + bId + "/links/" + aId).status())
                .isEqualTo(200);
        assertThat(relatedIds(aId)).isEmpty();
        assertThat(activity(aId)).contains("unlinked #" + b.get("number").asLong());
    }

    @Test
    void aNoteNamingAnAgentMakesThemAFollowerAndAMergeTakesFollowersAndLinksAlong() {
        JsonNode maya = newAgent("agent");
        String name = maya.get("name").asString();
        long mayaId = maya.get("id").asLong();
        String customer = unique("c") + "@rapport.test";
        long ticket = newTicket("Card declined abroad", customer).get("id").asLong();
        long other =
                newTicket("Unrelated", unique("o") + "@rapport.test").get("id").asLong();

        var note = admin().post(
                        "/api/v1/tickets/" + ticket + "/messages",
                        Map.of(
                                "body",
                                "@" + maya.get("email").asString().split("@")[0] + " can you look at this?",
                                "visibility",
                                "internal"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(followers(ticket)).containsExactly(mayaId);

        var reply = admin().post(
                        "/api/v1/tickets/" + ticket + "/messages",
                        Map.of("body", "@" + name + " this one is public", "visibility", "public"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(followers(ticket)).as("a public reply names nobody").containsExactly(mayaId);

        assertThat(admin().put("/api/v1/tickets/" + ticket + "/followers/987654321", Map.of())
                        .status())
                .isEqualTo(400);
        long admin = admin().get("/api/v1/agents")
                .json()
                .get("items")
                .valueStream()
                .filter(x -> x.get("email").asString().equals(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(admin().put("/api/v1/tickets/" + ticket + "/followers/" + admin, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(followers(ticket)).containsExactly(mayaId, admin);

        admin().post("/api/v1/tickets/" + ticket + "/links", Map.of("relatedId", other));
        long kept = newTicket("Card declined abroad again", customer).get("id").asLong();
        assertThat(admin().post("/api/v1/tickets/" + ticket + "/merge", Map.of("intoId", kept))
                        .status())
                .isEqualTo(200);
        assertThat(followers(kept)).containsExactlyInAnyOrder(mayaId, admin);
        assertThat(relatedIds(kept)).containsExactly(other);
        assertThat(relatedIds(other)).containsExactly(kept);

        assertThat(admin().delete("/api/v1/tickets/" + kept + "/followers/" + mayaId)
                        .status())
                .isEqualTo(200);
        assertThat(followers(kept)).containsExactly(admin);
    }
}
