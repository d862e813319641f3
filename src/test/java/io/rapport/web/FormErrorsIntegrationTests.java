package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A form that cannot be saved says why in words a person reads, and gives back everything that was typed or chosen:
 * nobody types an agent, a team name or a ticket's properties twice because of one wrong field.
 */
@H2Database
class FormErrorsIntegrationTests extends IntegrationTest {

    private WebSession signedIn() {
        return WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Follows the redirect that a form answers with and reads the page it leads to. */
    private static HttpResponse<String> after(WebSession session, HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return session.get(location.replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void aNewAgentWithABadSkillKeepsEverythingTyped() {
        WebSession web = signedIn();
        web.get("/admin/agents");
        String email = unique("kept") + "@rapport.test";
        var page = after(
                web,
                web.postForm(
                        "/admin/agents",
                        Map.of(
                                "name", "Kept Person",
                                "email", email,
                                "password", "long-enough-password",
                                "role", "supervisor",
                                "skills", "billing:9",
                                "languages", "de:native",
                                "tier", "2",
                                "capacity", "12")));
        String html = page.body();
        assertThat(html).contains("A skill level is 1 to 5.");
        assertThat(html).contains("value=\"Kept Person\"").contains("value=\"" + email + "\"");
        assertThat(html).contains("value=\"billing:9\"").contains("value=\"de:native\"");
        assertThat(html).containsPattern("value=\"supervisor\"\\s+selected");
        assertThat(html).containsPattern("id=\"capacity\"[^>]*value=\"12\"");
        assertThat(html).doesNotContain("long-enough-password");
        assertThat(signedIn().get("/admin/agents").body()).doesNotContain(email);

        assertThat(web.get("/admin/agents").body())
                .as("the next visit shows an empty form")
                .doesNotContain("A skill level");
    }

    @Test
    void aDuplicateTeamNameIsNamedAndKept() {
        WebSession web = signedIn();
        web.get("/admin/teams");
        String name = unique("Team");
        assertThat(web.postForm("/admin/teams", Map.of("name", name)).statusCode())
                .isEqualTo(302);
        web.get("/admin/teams");
        var page = after(web, web.postForm("/admin/teams", Map.of("name", name)));
        assertThat(page.body()).contains("A team named " + name + " exists already.");
        assertThat(page.body()).containsPattern("id=\"team-name\"[^>]*value=\"" + name + "\"");
    }

    /**
     * A save after a colleague's change: the field both changed keeps the colleague's value and is named with both
     * values; what only this agent changed is saved; what only the colleague changed stays as they set it.
     */
    @Test
    void aSaveAfterAColleaguesChangeKeepsTheirsNamesTheClashAndSavesTheRest() {
        JsonNode ticket = newTicket("Stale save", unique("stale") + "@example.com");
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        WebSession web = signedIn();
        web.get("/tickets/" + number);
        assertThat(admin().patch("/api/v1/tickets/" + id, Map.of("priority", "low", "tags", List.of("theirs")))
                        .status())
                .isEqualTo(200);
        admin().post("/api/v1/tickets/" + id + "/messages", Map.of("body", "A note", "visibility", "internal"));

        var page = after(
                web,
                web.postForm(
                        "/tickets/" + number, properties("new", "urgent", "chosen-tag, another", "new", "normal")));
        String html = page.body();
        assertThat(html)
                .contains("Priority: Administrator set it to Low meanwhile, so your choice (Urgent) was not saved.")
                .doesNotContain("reload and try again");
        JsonNode now = admin().get("/api/v1/tickets/" + id).json();
        assertThat(now.get("priority").asString())
                .as("the colleague's choice stands")
                .isEqualTo("low");
        assertThat(now.get("tags").valueStream().map(JsonNode::asString).toList())
                .as("tags merge: the colleague's and mine")
                .containsExactlyInAnyOrder("theirs", "chosen-tag", "another");
        assertThat(html).containsPattern("value=\"low\"\s+selected");
    }

    /** The ticket page's properties form: chosen status, priority and tags, and the status and priority it showed. */
    private static Map<String, String> properties(
            String status, String priority, String tags, String wasStatus, String wasPriority) {
        return Map.ofEntries(
                Map.entry("status", status),
                Map.entry("priority", priority),
                Map.entry("assigneeId", ""),
                Map.entry("teamId", ""),
                Map.entry("tags", tags),
                Map.entry("wasStatus", wasStatus),
                Map.entry("wasPriority", wasPriority),
                Map.entry("wasAssigneeId", ""),
                Map.entry("wasTeamId", ""),
                Map.entry("wasTags", ""));
    }

    /** Two agents who chose the same value do not clash; a field only the colleague changed is not undone. */
    @Test
    void theSameChoiceIsNoClashAndAnUntouchedFieldIsNotUndone() {
        JsonNode ticket = newTicket("Same choice", unique("same") + "@example.com");
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        WebSession web = signedIn();
        web.get("/tickets/" + number);
        assertThat(admin().patch("/api/v1/tickets/" + id, Map.of("priority", "high", "status", "open"))
                        .status())
                .isEqualTo(200);

        var page = after(web, web.postForm("/tickets/" + number, properties("new", "high", "", "new", "normal")));
        assertThat(page.body()).contains("Saved.").doesNotContain("meanwhile");
        JsonNode now = admin().get("/api/v1/tickets/" + id).json();
        assertThat(now.get("priority").asString()).isEqualTo("high");
        assertThat(now.get("status").asString())
                .as("the page still showed New: the colleague's Open stands")
                .isEqualTo("open");
    }

    @Test
    void anIllegalMoveNamesBothStatusesInWords() {
        JsonNode ticket = newTicket("Illegal move", unique("move") + "@example.com");
        long number = ticket.get("number").asLong();
        WebSession web = signedIn();
        web.get("/tickets/" + number);
        var page = after(web, web.postForm("/tickets/" + number, Map.of("status", "closed", "tags", "")));
        assertThat(page.body())
                .contains("A ticket cannot go from “New” to “Closed”.")
                .doesNotContain("cannot move from new");
    }
}
