package io.rapport.support;

import org.springframework.boot.test.web.server.LocalServerPort;

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
}
