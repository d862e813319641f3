package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A desk that auto-closes after one day still loads: customers answer before their tickets close. */
@H2Database
@TestPropertySource(
        properties = {
            "rapport.demo.tickets=300",
            "rapport.demo.customers=30",
            "rapport.demo.days=20",
            "rapport.portal.auto-close-after=1d",
            "rapport.portal.auto-close-enabled=false"
        })
class DemoDataShortAutoCloseTests extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient db;

    @Test
    void loadsWithAOneDayAutoClose() {
        Instant at = Instant.now().minus(Duration.ofHours(1));
        demo.load(at);
        assertThat(db.sql("SELECT COUNT(*) FROM tkt_ticket").query(Long.class).single())
                .isEqualTo(300);
        OffsetDateTime oldestSolved = db.sql("SELECT MIN(solved_at) FROM tkt_ticket WHERE status = 'solved'")
                .query(OffsetDateTime.class)
                .single();
        assertThat(oldestSolved)
                .as("300 tickets over 20 days include solved ones")
                .isNotNull();
        assertThat(oldestSolved.toInstant()).isAfter(at.minus(Duration.ofDays(2)));
        assertThat(db.sql("SELECT COUNT(*) FROM tkt_ticket WHERE outcome = 'confirmed'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
