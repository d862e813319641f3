package io.rapport.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the tests run against: the server named by RAPPORT_TEST_PG_URL (CI sets it), else an embedded one, so a
 * fresh machine passes too. Each test JVM gets its own new database, dropped when the JVM ends.
 */
public final class TestDatabases {

    private static String url;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    public static synchronized String postgresUrl() {
        if (url != null) {
            return url;
        }
        String server = System.getenv("RAPPORT_TEST_PG_URL");
        try {
            if (server == null || server.isBlank()) {
                embedded = EmbeddedPostgres.builder().start();
                server = embedded.getJdbcUrl("postgres", "postgres");
            }
            String name = "rapport_it_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
            try (Connection c = DriverManager.getConnection(server, user(server), "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            String base = server.contains("?") ? server.substring(0, server.indexOf('?')) : server;
            String query = server.contains("?") ? server.substring(server.indexOf('?')) : "";
            url = base.substring(0, base.lastIndexOf('/') + 1) + name + query;
            String admin = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
            return url;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("no PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    public static String user(String jdbcUrl) {
        return jdbcUrl.contains("user=") ? null : "postgres";
    }

    private static void drop(String server, String name) {
        try (Connection c = DriverManager.getConnection(server, user(server), "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // The embedded server is going away with the JVM anyway.
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // nothing left to do at shutdown
            }
        }
    }
}
