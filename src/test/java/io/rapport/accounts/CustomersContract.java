package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customers and organizations of issue 8: edit, merge, domains; black-box over HTTP, on H2 and PostgreSQL. */
abstract class CustomersContract extends IntegrationTest {

    private JsonNode ticketFrom(String email, String subject) {
        Api.Response created = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", subject, "body", "Help, please.", "customer", Map.of("email", email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode customer(long id) {
        Api.Response answer = admin().get("/api/v1/customers/" + id);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static String field(Api.Response answer) {
        return answer.json().get("errors").get(0).get("field").asString();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void anOrganizationTakesInTheCustomersAtItsDomainsNowAndLater() {
        String domain = unique("acme").toLowerCase() + ".test";
        long early = ticketFrom("early@" + domain, "Before the organization")
                .get("customer")
                .get("id")
                .asLong();
        long elsewhere = ticketFrom(unique("x") + "@elsewhere.test", "Not theirs")
                .get("customer")
                .get("id")
                .asLong();

        Api.Response created = admin().post(
                        "/api/v1/organizations",
                        Map.of(
                                "name",
                                "Acme " + domain,
                                "domains",
                                List.of("@" + domain.toUpperCase()),
                                "notes",
                                "Key account"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode organization = created.json();
        long id = organization.get("id").asLong();
        assertThat(strings(organization.get("domains"))).containsExactly(domain);
        assertThat(organization.get("notes").asString()).isEqualTo("Key account");

        assertThat(customer(early).get("organization").get("id").asLong()).isEqualTo(id);
        assertThat(customer(elsewhere).get("organization").isNull()).isTrue();
        long later = ticketFrom("later@" + domain, "After the organization")
                .get("customer")
                .get("id")
                .asLong();
        assertThat(customer(later).get("organization").get("name").asString()).isEqualTo("Acme " + domain);
        assertThat(admin().get("/api/v1/organizations/" + id)
                        .json()
                        .get("customerCount")
                        .asLong())
                .isEqualTo(2);
        assertThat(admin().get("/api/v1/organizations?q=" + domain)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        Api.Response renamed = admin().patch("/api/v1/organizations/" + id, Map.of("name", "Acme Renamed " + domain));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(strings(renamed.json().get("domains")))
                .as("domains left alone")
                .containsExactly(domain);
        JsonNode history =
                admin().get("/api/v1/organizations/" + id + "/history").json();
        assertThat(history.get(0).get("field").asString()).isEqualTo("name");
        assertThat(history.get(0).get("actorName").asString()).isEqualTo("Administrator");
    }

    @Test
    void badOrganizationsAreRefusedNamingWhy() {
        String domain = unique("taken").toLowerCase() + ".test";
        String name = "Org " + domain;
        assertThat(admin().post("/api/v1/organizations", Map.of("name", name, "domains", List.of(domain)))
                        .status())
                .isEqualTo(201);

        Api.Response noName = admin().post("/api/v1/organizations", Map.of("domains", List.of()));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(field(noName)).isEqualTo("name");
        Api.Response sameName = admin().post("/api/v1/organizations", Map.of("name", name.toUpperCase()));
        assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
        Api.Response takenDomain =
                admin().post("/api/v1/organizations", Map.of("name", unique("Other"), "domains", List.of(domain)));
        assertThat(takenDomain.status()).as(takenDomain.toString()).isEqualTo(409);
        assertThat(takenDomain.json().get("detail").asString()).contains(domain);
        for (Object domains : List.of(List.of("gmail.com"), List.of("not a domain"), List.of("a@b@c"), "x.test")) {
            Api.Response bad = admin().post("/api/v1/organizations", Map.of("name", unique("Bad"), "domains", domains));
            assertThat(bad.status()).as(domains + ": " + bad).isEqualTo(400);
            assertThat(field(bad)).isEqualTo("domains");
        }
        assertThat(admin().get("/api/v1/organizations/999999999").status()).isEqualTo(404);
        assertThat(admin().patch("/api/v1/organizations/999999999", Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAgentEditsACustomerAndTheHistorySaysWhoDidWhat() {
        long id = ticketFrom(unique("edit") + "@example.com", "Edit me")
                .get("customer")
                .get("id")
                .asLong();
        long organization = admin().post("/api/v1/organizations", Map.of("name", unique("Edit Org")))
                .json()
                .get("id")
                .asLong();

        Api.Response changed = admin().patch(
                        "/api/v1/customers/" + id,
                        Map.of(
                                "name", "Dana Edited",
                                "organizationId", organization,
                                "notes", "Prefers mail in the morning.",
                                "language", "DE"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode view = changed.json();
        assertThat(view.get("name").asString()).isEqualTo("Dana Edited");
        assertThat(view.get("organization").get("id").asLong()).isEqualTo(organization);
        assertThat(view.get("notes").asString()).isEqualTo("Prefers mail in the morning.");
        assertThat(view.get("preferredLanguage").asString()).isEqualTo("de");

        Map<String, Object> clear = new HashMap<>();
        clear.put("organizationId", null);
        clear.put("notes", "");
        JsonNode cleared = admin().patch("/api/v1/customers/" + id, clear).json();
        assertThat(cleared.get("organization").isNull()).isTrue();
        assertThat(cleared.get("notes").isNull()).isTrue();
        assertThat(cleared.get("name").asString()).as("left alone").isEqualTo("Dana Edited");

        List<String> fields = admin().get("/api/v1/customers/" + id + "/history")
                .json()
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).containsExactly("notes", "organization", "language", "notes", "organization", "name");

        Map<String, Object> badOrganization = Map.of("organizationId", 999999999);
        for (Map<String, Object> bad : List.of(
                badOrganization,
                Map.<String, Object>of("name", " "),
                Map.<String, Object>of("language", "xx1"),
                Map.<String, Object>of("notes", "x".repeat(10_001)),
                Map.<String, Object>of("organizationId", "abc"))) {
            Api.Response refused = admin().patch("/api/v1/customers/" + id, bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(field(refused)).isEqualTo(bad.keySet().iterator().next());
        }
        assertThat(admin().patch("/api/v1/customers/999999999", Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMergedCustomerBringsIdentitiesAndTicketsAndTheirOldIdLeadsOn() {
        String fromEmail = unique("from") + "@example.com";
        String intoEmail = unique("into") + "@example.com";
        JsonNode first = ticketFrom(fromEmail, "First of the duplicate");
        ticketFrom(fromEmail, "Second of the duplicate");
        long from = first.get("customer").get("id").asLong();
        long into = ticketFrom(intoEmail, "The kept one's")
                .get("customer")
                .get("id")
                .asLong();
        admin().patch("/api/v1/customers/" + from, Map.of("notes", "Calls often."));

        Api.Response merged = admin().post("/api/v1/customers/" + from + "/merge", Map.of("intoId", into));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode kept = merged.json();
        assertThat(kept.get("id").asLong()).isEqualTo(into);
        assertThat(kept.get("email").asString())
                .as("the kept one's address stays first")
                .isEqualTo(intoEmail);
        assertThat(kept.get("identities").valueStream().map(i -> i.get("value").asString()))
                .containsExactly(intoEmail, fromEmail);
        assertThat(kept.get("ticketCounts").get("total").asLong()).isEqualTo(3);
        assertThat(kept.get("notes").asString()).contains("Calls often.");

        Api.Response old = admin().get("/api/v1/customers/" + from);
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).isEqualTo("/api/v1/customers/" + into);
        JsonNode ticket =
                admin().get("/api/v1/tickets/" + first.get("id").asLong()).json();
        assertThat(ticket.get("customer").get("id").asLong()).isEqualTo(into);
        assertThat(ticket.get("messages").get(0).get("author").get("id").asLong())
                .isEqualTo(into);
        assertThat(admin().get("/api/v1/tickets/" + first.get("id").asLong() + "/audit")
                        .json()
                        .valueStream()
                        .anyMatch(e -> "customer".equals(e.path("field").asString(""))))
                .as("the ticket's trail says whose it was")
                .isTrue();
        // the merged address still finds the customer, and new mail from it joins them
        assertThat(admin().get("/api/v1/customers?email=" + fromEmail)
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(into);
        assertThat(ticketFrom(fromEmail, "After the merge")
                        .get("customer")
                        .get("id")
                        .asLong())
                .isEqualTo(into);
        assertThat(admin().get("/api/v1/customers/" + into + "/history")
                        .json()
                        .get(0)
                        .get("action")
                        .asString())
                .isEqualTo("merged");

        Api.Response self = admin().post("/api/v1/customers/" + into + "/merge", Map.of("intoId", into));
        assertThat(self.status()).isEqualTo(400);
        assertThat(field(self)).isEqualTo("intoId");
        Api.Response nowhere = admin().post("/api/v1/customers/" + into + "/merge", Map.of("intoId", 999999999));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(field(nowhere)).isEqualTo("intoId");
        Api.Response gone = admin().post("/api/v1/customers/" + from + "/merge", Map.of("intoId", into));
        assertThat(gone.status()).as("merged already").isEqualTo(404);
        Api.Response missing = admin().post("/api/v1/customers/" + into + "/merge", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(field(missing)).isEqualTo("intoId");
    }
}
