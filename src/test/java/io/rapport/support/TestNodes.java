package io.rapport.support;

import io.rapport.RapportApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole Rapport nodes started in the test's JVM on one database, as a cluster runs them (tests of cluster mode). */
public final class TestNodes {

    private TestNodes() {}

    /** A node on the database, with its own data directory and web port; {@code settings} add to or override. */
    public static ConfigurableApplicationContext start(String database, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", database);
        all.put("spring.datasource.password", "");
        String user = TestDatabases.user(database);
        if (user != null) {
            all.put("spring.datasource.username", user);
        }
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        all.put("server.shutdown", "immediate");
        try {
            all.put(
                    "rapport.data-dir",
                    Files.createTempDirectory("rapport-node-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.put("rapport.admin.email", IntegrationTest.ADMIN_EMAIL);
        all.put("rapport.admin.password", IntegrationTest.ADMIN_PASSWORD);
        all.put("logging.level.root", "WARN");
        all.putAll(settings);
        // as command-line arguments: they win over application.yml, as the environment does in production
        return new SpringApplicationBuilder(RapportApplication.class)
                .run(all.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** The admin's API client on the node. */
    public static Api admin(ConfigurableApplicationContext node) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return new Api(port).basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }
}
