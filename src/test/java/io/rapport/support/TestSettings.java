package io.rapport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Settings every integration test context shares: a fresh data directory, the first admin, small limits. */
abstract class TestSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dir;
        try {
            dir = Files.createTempDirectory("rapport-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("rapport.data-dir", dir.toString());
        settings.put("rapport.admin.email", IntegrationTest.ADMIN_EMAIL);
        settings.put("rapport.admin.password", IntegrationTest.ADMIN_PASSWORD);
        settings.put("rapport.demo-data", "false");
        settings.put("rapport.attachments.max-size", "1MB");
        settings.put("spring.servlet.multipart.max-file-size", "1MB");
        settings.put("spring.servlet.multipart.max-request-size", "3MB");
        settings.put("rapport.api.max-json-body", "256KB");
        // tests gain nothing from graceful shutdown, which waits for browsers' open event streams
        settings.put("server.shutdown", "immediate");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", TestMail.smtpPort());
        // mailboxes are fetched within a second or two of their time, so that mail tests wait little
        settings.put("rapport.jobs.polling-interval", "1s");
        settings.put("rapport.email.fetch-check", "1s");
        settings.put("rapport.routing.retry-check", "1s");
        settings.put("rapport.routing.retry-every", "2s");
        settings.put("rapport.sla.check", "1s");
        // the meaning backfill (ADR 33) unthrottled, checked every second
        settings.put("rapport.meanings.backfill.check", "1s");
        settings.put("rapport.meanings.backfill.share", "1");
        settings.put("rapport.email.send-check", "1s");
        settings.put("rapport.email.retry-after", "1s");
        // a mail with a 20 MB attachment (27 MB encoded) is fetched; a larger one is kept by its headers, set aside
        settings.put("rapport.email.max-size", "30MB");
        settings.putAll(database(dir));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rapport-test", settings));
        afterSettings(context, settings);
    }

    abstract Map<String, Object> database(Path dataDir);

    void afterSettings(ConfigurableApplicationContext context, Map<String, Object> settings) {}

    /** The embedded default, exactly as a user runs it: the application's own H2 file database in the data directory. */
    static final class H2 extends TestSettings {
        @Override
        Map<String, Object> database(Path dir) {
            return Map.of();
        }
    }

    /** PostgreSQL: the local server or an embedded one (see {@link TestDatabases}). */
    static final class Postgres extends TestSettings {
        @Override
        Map<String, Object> database(Path dir) {
            String url = TestDatabases.newPostgresDatabase();
            Map<String, Object> settings = new HashMap<>();
            settings.put("spring.datasource.url", url);
            settings.put("spring.datasource.password", "");
            String user = TestDatabases.user(url);
            if (user != null) {
                settings.put("spring.datasource.username", user);
            }
            return settings;
        }

        /**
         * Drops the context's database when the context closes. Registered before any bean, it is destroyed after all
         * of them: the pool is closed first, and nothing queries a database that is gone (a JVM shutdown hook raced the
         * context's own and left it waiting 30 s for a connection).
         */
        @Override
        void afterSettings(ConfigurableApplicationContext context, Map<String, Object> settings) {
            String url = (String) settings.get("spring.datasource.url");
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("rapportTestDatabase", () -> TestDatabases.drop(url));
        }
    }
}
