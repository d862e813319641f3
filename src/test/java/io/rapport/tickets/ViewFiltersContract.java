package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import io.rapport.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Lists narrowed by a filter carried in their address, and views saved from them (issue 8, item 2). */
abstract class ViewFiltersContract extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("data-rapport=\"ticket-row\"");

    private JsonNode ticket(String subject, String priority, List<String> tags, String email) {
        return admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject", subject,
                                "body", subject,
                                "priority", priority,
                                "tags", tags,
                                "channel", "email",
                                "customer", Map.of("email", email)))
                .json();
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aFilterInTheAddressNarrowsTheListAndTheFormWritesIt() {
        String tag = unique("vip").toLowerCase();
        String email = unique("filter") + "@example.com";
        ticket("Urgent one " + tag, "urgent", List.of(tag), email);
        ticket("Low one " + tag, "low", List.of(tag), email);
        ticket("Urgent other", "urgent", List.of("other"), unique("x") + "@example.com");
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);

        String html = agent.get("/tickets?view=all&f=" + enc("priority:urgent;tag:" + tag))
                .body();
        assertThat(rows(html)).isEqualTo(1);
        assertThat(html).contains("Urgent one " + tag).doesNotContain("Low one").contains("Filter (on)");
        assertThat(rows(agent.get("/tickets?view=all&f=" + enc("tag:" + tag + ";customer:" + email))
                        .body()))
                .isEqualTo(2);
        assertThat(rows(agent.get("/tickets?view=all&f=" + enc("tag:" + tag + ";channel:phone"))
                        .body()))
                .isZero();
        assertThat(rows(agent.get("/tickets?view=all&f=" + enc("tag:" + tag + ";created:2000-01-01..2000-12-31"))
                        .body()))
                .isZero();

        var form = agent.get("/tickets/filter?view=all&sort=-updated&priority=urgent&tag=" + tag.toUpperCase());
        assertThat(form.statusCode()).isEqualTo(302);
        String location = form.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("view=all").contains("f=priority:urgent;tag:" + tag);
        assertThat(rows(agent.get(location.replaceFirst("^https?://[^/]+", "")).body()))
                .isEqualTo(1);

        for (String bad : List.of(
                "priority:whenever",
                "nonsense",
                "created:2026-13-01..",
                "assignee:someone",
                "created:2026-11-30..2026-11-01",
                "created:0000-01-01..",
                "updated:+10000-01-01..")) {
            var answer = agent.get("/tickets?view=all&f=" + enc(bad));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aSharedViewShowsForEveryAgentAndAPersonalOneOnlyForItsOwner() {
        String name = unique("Urgent VIP");
        String mine = unique("Just mine");
        WebSession admin = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/tickets?view=all");
        var shared = admin.postForm(
                "/tickets/saved-views",
                Map.of("name", name, "view", "all", "f", "priority:urgent", "sort", "-updated", "shared", "yes"));
        assertThat(shared.statusCode()).isEqualTo(302);
        String location = shared.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("saved=").contains("f=priority:urgent");
        admin.get("/tickets?view=all");
        admin.postForm("/tickets/saved-views", Map.of("name", mine, "view", "open", "f", "", "sort", "-updated"));

        JsonNode other = newAgent("agent");
        WebSession colleague = WebSession.agent(port, other.get("email").asString(), "agent-password-1");
        String page = colleague.get("/tickets?view=all").body();
        assertThat(page).contains(name).doesNotContain(mine);
        String savedPage =
                colleague.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(savedPage).contains("<h1>" + name + "</h1>");

        long id = Long.parseLong(location.replaceAll(".*saved=(\\d+).*", "$1"));
        colleague.get("/tickets?view=all");
        assertThat(colleague
                        .postForm("/tickets/saved-views/" + id + "/delete", Map.of())
                        .statusCode())
                .as("not theirs")
                .isEqualTo(403);
        admin.get("/tickets?view=all");
        assertThat(admin.postForm("/tickets/saved-views/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(colleague.get("/tickets?view=all").body()).doesNotContain(name);

        var nameless =
                admin.postForm("/tickets/saved-views", Map.of("name", " ", "view", "all", "f", "", "sort", "-updated"));
        assertThat(nameless.statusCode()).isEqualTo(302);
        assertThat(admin.get(nameless.headers()
                                .firstValue("Location")
                                .orElseThrow()
                                .replaceFirst("^https?://[^/]+", ""))
                        .body())
                .contains("alert error");
    }

    /** The subjects of a list's rows, in order. */
    private static List<String> subjects(String html, String marker) {
        Matcher m =
                Pattern.compile(">(" + Pattern.quote(marker + " ") + "[^<]*)<").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * A list with few matches, or bounded by a short date range, finds the matches and then sorts them (the query
     * differs); the rows and their order are the same as any list's.
     */
    @Test
    void aListWithFewMatchesOrAShortDateRangeIsSortedLikeAnyOther() {
        String tag = unique("few").toLowerCase();
        String email = unique("few") + "@example.com";
        ticket(tag + " low", "low", List.of(tag), email);
        ticket(tag + " urgent", "urgent", List.of(tag), email);
        ticket(tag + " normal", "normal", List.of(tag), email);
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (String f : List.of("tag:" + tag, "tag:" + tag + ";created:" + today + ".." + today)) {
            assertThat(subjects(
                            agent.get("/tickets?view=all&sort=-priority&f=" + enc(f))
                                    .body(),
                            tag))
                    .as(f)
                    .containsExactly(tag + " urgent", tag + " normal", tag + " low");
            assertThat(subjects(
                            agent.get("/tickets?view=all&sort=-updated&f=" + enc(f))
                                    .body(),
                            tag))
                    .as(f)
                    .containsExactly(tag + " normal", tag + " urgent", tag + " low");
            for (String sort :
                    List.of("updated", "created", "priority", "status", "number", "subject", "customer", "assignee")) {
                for (String direction : List.of("", "-")) {
                    var answer = agent.get("/tickets?view=all&sort=" + direction + sort + "&f=" + enc(f));
                    assertThat(answer.statusCode())
                            .as(f + " sorted by " + direction + sort)
                            .isEqualTo(200);
                    assertThat(subjects(answer.body(), tag))
                            .as(direction + sort)
                            .hasSize(3);
                }
            }
        }
    }

    /** Sorted by assignee: by the agents' names, unassigned last (or first, descending). */
    @Test
    void aListSortsByTheAssigneesName() {
        String tag = unique("who").toLowerCase();
        JsonNode zed = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                unique("zed") + "@rapport.test",
                                "name",
                                "Zed Last",
                                "password",
                                "agent-password-1"))
                .json();
        JsonNode abe = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                unique("abe") + "@rapport.test",
                                "name",
                                "Abe First",
                                "password",
                                "agent-password-1"))
                .json();
        long toZed = ticket(tag + " for zed", "normal", List.of(tag), unique("z") + "@example.com")
                .get("id")
                .asLong();
        long toAbe = ticket(tag + " for abe", "normal", List.of(tag), unique("a") + "@example.com")
                .get("id")
                .asLong();
        ticket(tag + " for nobody", "normal", List.of(tag), unique("n") + "@example.com");
        admin().patch(
                        "/api/v1/tickets/" + toZed,
                        Map.of("assigneeId", zed.get("id").asLong()));
        admin().patch(
                        "/api/v1/tickets/" + toAbe,
                        Map.of("assigneeId", abe.get("id").asLong()));
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        String ascending = agent.get("/tickets?view=all&sort=assignee&f=" + enc("tag:" + tag))
                .body();
        assertThat(subjects(ascending, tag)).containsExactly(tag + " for abe", tag + " for zed", tag + " for nobody");
        assertThat(ascending).contains("aria-sort=\"ascending\"");
        assertThat(subjects(
                        agent.get("/tickets?view=all&sort=-assignee&f=" + enc("tag:" + tag))
                                .body(),
                        tag))
                .containsExactly(tag + " for nobody", tag + " for zed", tag + " for abe");
        assertThat(admin().get("/api/v1/tickets?sort=assignee&tag=" + tag)
                        .json()
                        .get("items")
                        .get(0)
                        .get("subject")
                        .asString())
                .isEqualTo(tag + " for abe");
    }

    /** Sorted by customer: by their names, and a renamed customer moves with their new name. */
    @Test
    void aListSortsByCustomerAndFollowsARename() {
        String tag = unique("whose").toLowerCase();
        JsonNode zora = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                tag + " from zora",
                                "body",
                                "b",
                                "tags",
                                List.of(tag),
                                "customer",
                                Map.of("email", unique("zora") + "@example.com", "name", "Zora Zed")))
                .json();
        admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                tag + " from adam",
                                "body",
                                "b",
                                "tags",
                                List.of(tag),
                                "customer",
                                Map.of("email", unique("adam") + "@example.com", "name", "adam Young")));
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        String f = enc("tag:" + tag);
        assertThat(subjects(agent.get("/tickets?view=all&sort=customer&f=" + f).body(), tag))
                .as("whatever the case of the first letter")
                .containsExactly(tag + " from adam", tag + " from zora");
        assertThat(subjects(agent.get("/tickets?view=all&sort=-customer&f=" + f).body(), tag))
                .containsExactly(tag + " from zora", tag + " from adam");

        long zoraId = zora.get("customer").get("id").asLong();
        assertThat(admin().patch("/api/v1/customers/" + zoraId, Map.of("name", "Aaron Zed"))
                        .status())
                .isEqualTo(200);
        assertThat(subjects(agent.get("/tickets?view=all&sort=customer&f=" + f).body(), tag))
                .containsExactly(tag + " from zora", tag + " from adam");
    }

    /** Each saved view in the sidebar shows how many tickets it holds. */
    @Test
    void savedViewsShowTheirCounts() {
        String tag = unique("counted").toLowerCase();
        for (int i = 0; i < 3; i++) {
            ticket(tag + " " + i, "high", List.of(tag), unique("c") + "@example.com");
        }
        String name = unique("Counted");
        WebSession agent = WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        agent.get("/tickets?view=all");
        agent.postForm(
                "/tickets/saved-views", Map.of("name", name, "view", "all", "f", "tag:" + tag, "sort", "-updated"));
        String page = agent.get("/tickets?view=all").body();
        assertThat(page)
                .containsPattern(
                        Pattern.quote(name)
                                + "</span>\\s*(<span[^>]*>[^<]*</span>\\s*)?<span class=\"count\" data-rapport=\"saved-count\">3</span>");
    }
}
