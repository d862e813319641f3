package io.rapport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What every integration test shares: the first admin and API clients on the real port. */
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@rapport.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    @LocalServerPort
    protected int port;

    protected Api admin() {
        return new Api(port).basic(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    protected Api anonymous() {
        return new Api(port);
    }

    /** A name no other test run uses: tests share one database and never clean it. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new agent with the given role, password {@code agent-password-1}, German and a billing skill. */
    protected JsonNode newAgent(String role) {
        var response = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                unique(role) + "@rapport.test",
                                "name",
                                "Agent " + role,
                                "password",
                                "agent-password-1",
                                "role",
                                role,
                                "languages",
                                List.of(Map.of("code", "de", "level", "fluent")),
                                "skills",
                                List.of(Map.of("name", "Billing", "level", 3)),
                                "tier",
                                2,
                                "capacity",
                                7));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A ticket opened by the admin through the API for a customer with this address: its JSON (id, number ...). */
    protected JsonNode newTicket(String subject, String customerEmail) {
        return newTicket(subject, "It does not work.", customerEmail);
    }

    /** As {@link #newTicket(String, String)}, with the customer's first message. */
    protected JsonNode newTicket(String subject, String body, String customerEmail) {
        var response = admin().post(
                        "/api/v1/tickets",
                        Map.of("subject", subject, "body", body, "customer", Map.of("email", customerEmail)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
