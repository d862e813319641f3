package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Saved replies (issue 10, point 3) over the API: the contract's create call, placeholders filled in from the ticket,
 * language variants, actions, who may use and change which, and the record on each message of the saved reply it
 * started from and how much was changed; on H2 and PostgreSQL.
 */
abstract class SavedRepliesContract extends IntegrationTest {

    JsonNode saved(Api as, Map<String, Object> body) {
        var r = as.post("/api/v1/saved-replies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ticketFor(String name, String email) {
        var r = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Refund please",
                                "body",
                                "Where is my refund?",
                                "customer",
                                Map.of("email", email, "name", name)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aSavedReplyIsWrittenAsTheContractSaysAndReadsOnATicketWithItsPlaceholdersFilled() {
        JsonNode reply = saved(
                admin(),
                Map.of(
                        "title", "Refund on its way " + unique("t"),
                        "body",
                                "Hello {{customer.firstName}}, your refund for #{{ticket.number}} is on its way.\n"
                                        + "{{agent.name}}",
                        "shared", true));
        assertThat(reply.get("id").asLong()).isPositive();
        assertThat(reply.get("shared").asBoolean()).isTrue();

        JsonNode french = saved(
                admin(), Map.of("title", "Bonjour " + unique("t"), "body", "Bonjour {{customer.firstName}} ! Ça va ?"));
        JsonNode ticket = ticketFor("Anna Schmidt", unique("anna") + "@example.com");
        assertThat(find(
                                admin().get("/api/v1/tickets/"
                                                + ticket.get("id").asLong() + "/saved-replies")
                                        .json(),
                                french.get("id").asLong())
                        .get("body")
                        .asString())
                .as("the reply's own spacing stays")
                .isEqualTo("Bonjour Anna ! Ça va ?");
        long id = ticket.get("id").asLong();
        JsonNode rendered = find(
                admin().get("/api/v1/tickets/" + id + "/saved-replies").json(),
                reply.get("id").asLong());
        assertThat(rendered.get("body").asString())
                .isEqualTo("Hello Anna, your refund for #"
                        + ticket.get("number").asLong() + " is on its way.\nAdministrator");
    }

    @Test
    void aMessageRecordsItsSavedReplyAndHowMuchWasChangedAndTheActionsApply() {
        JsonNode reply = saved(
                admin(),
                Map.of(
                        "title",
                        "Solved " + unique("t"),
                        "body",
                        "Hello {{customer.firstName}}, this is fixed now. Tell us if anything is still wrong.",
                        "status",
                        "solved",
                        "tags",
                        List.of("fixed", "Refund")));
        JsonNode ticket = ticketFor("Ben Meyer", unique("ben") + "@example.com");
        long id = ticket.get("id").asLong();
        var sent = admin().post(
                        "/api/v1/tickets/" + id + "/messages",
                        Map.of(
                                "body",
                                "Hello Ben, this is fixed now. Tell us if anything is still wrong.",
                                "savedReplyId",
                                reply.get("id").asLong()));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("savedReply").get("savedReplyId").asLong())
                .isEqualTo(reply.get("id").asLong());
        assertThat(sent.json().get("savedReply").get("changedPercent").asInt()).isZero();

        JsonNode after = admin().get("/api/v1/tickets/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo("solved");
        assertThat(after.get("tags").toString()).contains("fixed", "refund");

        JsonNode other = ticketFor("Cleo Brandt", unique("cleo") + "@example.com");
        var edited = admin().post(
                        "/api/v1/tickets/" + other.get("id").asLong() + "/messages",
                        Map.of(
                                "body", "Hello Cleo, we changed your plan back. Tell us if anything is still wrong.",
                                "visibility", "public",
                                "savedReplyId", reply.get("id").asLong()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(201);
        assertThat(edited.json().get("savedReply").get("changedPercent").asInt())
                .isBetween(20, 60);
        // the record stays with the message when the conversation is read again
        JsonNode messages = admin().get("/api/v1/tickets/" + other.get("id").asLong())
                .json()
                .get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("savedReply").get("savedReplyId").asLong())
                .isEqualTo(reply.get("id").asLong());
        assertThat(messages.get(0).has("savedReply"))
                .as("a message typed from scratch has none")
                .isFalse();
    }

    @Test
    void aTicketInAnotherLanguageGetsThatVariant() {
        JsonNode reply = saved(
                admin(),
                Map.of(
                        "title",
                        "Thanks " + unique("t"),
                        "body",
                        "Thank you, {{customer.firstName}}!",
                        "variants",
                        Map.of("de", "Vielen Dank, {{customer.firstName}}!")));
        var created = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Meine Karte wurde abgelehnt",
                                "body",
                                "Guten Tag, meine Karte wurde gestern im Geschäft abgelehnt, obwohl genug Geld"
                                        + " auf dem Konto ist. Können Sie bitte nachsehen, was los ist?",
                                "customer",
                                Map.of("email", unique("jonas") + "@example.de", "name", "Jonas Weber")))
                .json();
        assertThat(created.get("language").asString()).isEqualTo("de");
        JsonNode rendered = find(
                admin().get("/api/v1/tickets/" + created.get("id").asLong() + "/saved-replies")
                        .json(),
                reply.get("id").asLong());
        assertThat(rendered.get("body").asString()).isEqualTo("Vielen Dank, Jonas!");
        assertThat(rendered.get("language").asString()).isEqualTo("de");
    }

    @Test
    void personalRepliesStayPersonalAndOnlySupervisorsShare() {
        JsonNode agent = newAgent("agent");
        Api as = new Api(port).basic(agent.get("email").asString(), "agent-password-1");
        JsonNode mine = saved(as, Map.of("title", "Mine " + unique("t"), "body", "My own words."));
        assertThat(mine.get("shared").asBoolean()).isFalse();
        var sharing = as.post("/api/v1/saved-replies", Map.of("title", "Shared", "body", "x", "shared", true));
        assertThat(sharing.status()).as(sharing.toString()).isEqualTo(403);

        // another agent neither sees nor uses it
        assertThat(admin().get("/api/v1/saved-replies/" + mine.get("id").asLong())
                        .status())
                .isEqualTo(404);
        long ticket =
                ticketFor("Dora", unique("dora") + "@example.com").get("id").asLong();
        var borrowed = admin().post(
                        "/api/v1/tickets/" + ticket + "/messages",
                        Map.of(
                                "body",
                                "My own words.",
                                "savedReplyId",
                                mine.get("id").asLong()));
        assertThat(borrowed.status()).as(borrowed.toString()).isEqualTo(400);
        assertThat(admin().get("/api/v1/tickets/" + ticket)
                        .json()
                        .get("messages")
                        .size())
                .as("nothing was sent")
                .isEqualTo(1);

        // its owner changes it from the version they read; a stale version is refused
        var changed = as.put(
                "/api/v1/saved-replies/" + mine.get("id").asLong(),
                Map.of("title", "Mine, better", "body", "My better words.", "version", 1));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        var stale = as.put(
                "/api/v1/saved-replies/" + mine.get("id").asLong(),
                Map.of("title", "Mine, stale", "body", "Old words {{oops}}.", "version", 1));
        assertThat(stale.status()).as("stale is told before the typo: " + stale).isEqualTo(409);
        assertThat(as.delete("/api/v1/saved-replies/" + mine.get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(as.get("/api/v1/saved-replies/" + mine.get("id").asLong()).status())
                .isEqualTo(404);
    }

    @Test
    void badSavedRepliesAreRefusedNamingTheField() {
        Map<String, Object> good = Map.of("title", "Fine", "body", "Fine words");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("title", with(good, "title", "x".repeat(121)));
        cases.put("body", with(good, "body", "Hi {{customer.shoeSize}}"));
        cases.put("body ", with(good, "body", "y".repeat(20_001)));
        cases.put("status", with(good, "status", "closed"));
        cases.put("status ", with(good, "status", "sideways"));
        cases.put("tags", with(good, "tags", List.of("no spaces allowed!")));
        cases.put("variants", with(good, "variants", Map.of("xx", "Unknown language")));
        cases.put("variants ", with(good, "variants", Map.of("de", "Hallo {{kunde.name}}")));
        cases.forEach((field, body) -> {
            var r = admin().post("/api/v1/saved-replies", body);
            assertThat(r.status()).as(field + ": " + r).isEqualTo(400);
            assertThat(r.body()).as(field).contains(field.strip());
        });
        long ticket = ticketFor("Eve", unique("eve") + "@example.com").get("id").asLong();
        var unknown = admin().post(
                        "/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Hi", "savedReplyId", 987654321));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("savedReplyId");
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode r : list) {
            if (r.get("id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("saved reply " + id + " not in " + list);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(field, value);
        return copy;
    }
}
