package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.net.http.HttpResponse;
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

    @Test
    void aStaleTicketSaveKeepsTheChosenPropertiesAndSaysWhy() {
        JsonNode ticket = newTicket("Stale save", unique("stale") + "@example.com");
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        long version = ticket.get("version").asLong();
        WebSession web = signedIn();
        web.get("/tickets/" + number);
        assertThat(admin().patch("/api/v1/tickets/" + id, Map.of("priority", "low"))
                        .status())
                .isEqualTo(200);

        var page = after(
                web,
                web.postForm(
                        "/tickets/" + number,
                        Map.of(
                                "status", "open",
                                "priority", "urgent",
                                "tags", "chosen-tag, another",
                                "version", String.valueOf(version))));
        String html = page.body();
        assertThat(html)
                .contains("Someone else changed ticket #" + number + " while you were editing it.")
                .doesNotContain("reload and try again");
        assertThat(html).containsPattern("value=\"urgent\"\\s+selected");
        assertThat(html).contains("value=\"chosen-tag, another\"");
        assertThat(admin().get("/api/v1/tickets/" + id).json().get("priority").asString())
                .as("nothing of the stale save was stored")
                .isEqualTo("low");
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
