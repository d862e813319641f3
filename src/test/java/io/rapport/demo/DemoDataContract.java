package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo desk is believable: tickets arrive over the last weeks and their histories are in time order, nothing is in
 * the future, every status and outcome is there, and what a live desk would have done by now (first answers, the
 * nightly auto-close) has been done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the live auto-close (real clock) must not close tickets of a desk loaded as of last Wednesday while the tests run
@TestPropertySource(
        properties = {
            "rapport.demo.tickets=400",
            "rapport.demo.customers=40",
            "rapport.demo.days=30",
            "rapport.portal.auto-close-enabled=false"
        })
abstract class DemoDataContract extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient db;

    /** The desk as it stands on the last Wednesday at 15:00 UTC: the same desk whatever day the tests run. */
    Instant loadedAt;

    @BeforeAll
    void load() {
        ZonedDateTime wednesday = ZonedDateTime.now(ZoneOffset.UTC)
                .minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY))
                .withHour(15)
                .truncatedTo(ChronoUnit.HOURS);
        loadedAt = wednesday.toInstant();
        demo.load(loadedAt);
        demo.knowledge();
    }

    @Test
    void everyStatusAndOutcomeIsOnTheDesk() {
        Map<String, Long> statuses = counts("SELECT status AS k, COUNT(*) AS n FROM tkt_ticket GROUP BY status");
        assertThat(statuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(400);
        assertThat(statuses).as(statuses.toString()).containsKeys("new", "open", "pending", "solved", "closed");
        Map<String, Long> outcomes = counts("SELECT outcome AS k, COUNT(*) AS n FROM tkt_ticket GROUP BY outcome");
        assertThat(outcomes).as(outcomes.toString()).containsKeys("confirmed", "unconfirmed", "unknown");
        assertThat(outcomes.get("confirmed")).as("most customers confirm").isGreaterThan(outcomes.get("unconfirmed"));
        assertThat(db.sql("SELECT COUNT(*) FROM tkt_audit_event WHERE after_value = 'not_solved'")
                        .query(Long.class)
                        .single())
                .as("some customers said no, still a problem")
                .isPositive();
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    @Test
    void theDeskHasOrganizationsNotesMergedAndLinkedTicketsAndSharedViews() {
        assertThat(count("SELECT COUNT(*) FROM acc_organization")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM acc_customer WHERE organization_id IS NOT NULL"))
                .as("people at an organization's domain joined it")
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM acc_customer WHERE notes IS NOT NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM tkt_ticket WHERE merged_into IS NOT NULL"))
                .isPositive();
        assertThat(count("""
                        SELECT COUNT(*) FROM tkt_ticket m JOIN tkt_ticket k ON k.id = m.merged_into
                        WHERE m.customer_id <> k.customer_id OR m.status <> 'closed'
                        """))
                .as("merged into a ticket of the same customer, and closed")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM tkt_link")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM tkt_saved_view WHERE shared")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM tkt_saved_view WHERE NOT shared"))
                .isPositive();
    }

    @Test
    void theHelpCenterHasArticlesInEnglishAndGermanAndStaffHaveAnInternalOne() {
        assertThat(count("SELECT COUNT(*) FROM kn_article WHERE visibility = 'public'"))
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM kn_article WHERE visibility = 'internal'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM kn_article WHERE language = 'de'"))
                .isEqualTo(2);
        String german =
                new io.rapport.support.WebSession(port).get("/help?lang=de").body();
        assertThat(german).contains("Karten", "Warum wurde meine Karte abgelehnt?", "Order a new PIN");
        assertThat(german).doesNotContain("Refunds above 500 EUR");
    }

    @Test
    void ticketsArriveOverTheWeeksAndNothingIsInTheFuture() {
        Instant first = instant("SELECT MIN(created_at) FROM tkt_ticket");
        Instant last = instant("SELECT MAX(updated_at) FROM tkt_ticket");
        assertThat(first).isBefore(loadedAt.minus(Duration.ofDays(25))).isAfter(loadedAt.minus(Duration.ofDays(31)));
        assertThat(last).isBeforeOrEqualTo(loadedAt);
        assertThat(instant("SELECT MAX(created_at) FROM tkt_message")).isBeforeOrEqualTo(loadedAt);
        assertThat(instant("SELECT MAX(created_at) FROM tkt_audit_event")).isBeforeOrEqualTo(loadedAt);
        long days = db.sql("SELECT COUNT(DISTINCT CAST(created_at AS DATE)) FROM tkt_ticket")
                .query(Long.class)
                .single();
        assertThat(days).as("tickets on many different days").isGreaterThan(20);
    }

    @Test
    void eachHistoryIsInTimeOrder() {
        assertThat(db.sql("""
                        SELECT COUNT(*) FROM tkt_message m JOIN tkt_ticket t ON t.id = m.ticket_id
                        WHERE m.created_at < t.created_at OR m.created_at > t.updated_at
                        """).query(Long.class).single())
                .as("messages between the ticket's creation and its last update")
                .isZero();
        assertThat(db.sql("""
                        SELECT COUNT(*) FROM tkt_ticket t
                        WHERE t.solved_at IS NOT NULL AND (t.solved_at < t.created_at OR t.solved_at > t.updated_at)
                        """).query(Long.class).single()).isZero();
        List<Long> firstMessageGaps = db.sql("""
                        SELECT t.id FROM tkt_ticket t
                        WHERE (SELECT MIN(m.created_at) FROM tkt_message m WHERE m.ticket_id = t.id) <> t.created_at
                          AND t.merged_into IS NULL
                        """).query(Long.class).list();
        assertThat(firstMessageGaps)
                .as("the customer's first message opens the ticket (a merged one's conversation moved away)")
                .isEmpty();
    }

    @Test
    void whatALiveDeskWouldHaveDoneIsDone() {
        Instant oldestNew = instant("SELECT MIN(created_at) FROM tkt_ticket WHERE status = 'new'");
        assertThat(oldestNew)
                .as("every ticket gets a first answer within two and a half days")
                .isAfter(loadedAt.minus(Duration.ofHours(61)));
        Instant oldestSolved = instant("SELECT MIN(solved_at) FROM tkt_ticket WHERE status = 'solved'");
        assertThat(oldestSolved)
                .as("the nightly auto-close has closed unanswered solutions older than 7 days")
                .isAfter(loadedAt.minus(Duration.ofDays(8)));
        assertThat(db.sql("SELECT COUNT(*) FROM tkt_ticket WHERE status = 'closed' AND outcome = 'unconfirmed'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new HashMap<>();
        db.sql(sql)
                .query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }

    private Instant instant(String sql) {
        return db.sql(sql).query((rs, n) -> readInstant(rs)).single();
    }

    private static Instant readInstant(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(1, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
