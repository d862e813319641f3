package io.rapport.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the tests run against: the server named by RAPPORT_TEST_PG_URL (CI sets it), else an embedded one, so a
 * fresh machine passes too. Each test application context gets its own new database, so no test sees another's rows;
 * it is dropped when its context closes, after the context's pool (see {@link TestSettings}).
 */
public final class TestDatabases {

    private static String server;
    private static EmbeddedPostgres embedded;
    private static int created;

    private TestDatabases() {}

    /** A new, empty database on the test server. */
    public static synchronized String newPostgresDatabase() {
        try {
            if (server == null) {
                String configured = System.getenv("RAPPORT_TEST_PG_URL");
                if (configured == null || configured.isBlank()) {
                    embedded = EmbeddedPostgres.builder().start();
                    configured = embedded.getJdbcUrl("postgres", "postgres");
                }
                server = configured;
            }
            String name =
                    "rapport_it_" + ProcessHandle.current().pid() + "_" + created++ + "_" + System.nanoTime() % 100_000;
            try (Connection c = DriverManager.getConnection(server, user(server), "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            String base = server.contains("?") ? server.substring(0, server.indexOf('?')) : server;
            String query = server.contains("?") ? server.substring(server.indexOf('?')) : "";
            return base.substring(0, base.lastIndexOf('/') + 1) + name + query;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("no PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    public static String user(String jdbcUrl) {
        return jdbcUrl.contains("user=") ? null : "postgres";
    }

    /** Drops a database made by {@link #newPostgresDatabase}; the embedded server stops with the JVM. */
    public static synchronized void drop(String url) {
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String name = base.substring(base.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server, user(server), "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server may be going away with the JVM
        }
    }
}
