package io.rapport.channels.email;

import io.rapport.channels.internal.SecretBox;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mailboxes admins configure: checked, stored with sealed passwords, and their fetch status. */
@Service
public class Mailboxes {

    /**
     * A mailbox with what it takes to sign in: for the fetcher and the sender only. {@code uidValidity} and
     * {@code lastUid} say where fetching goes on (null: from the unread mail).
     */
    public record Access(
            Mailbox mailbox,
            String imapPassword,
            String smtpUsername,
            String smtpPassword,
            Long uidValidity,
            Long lastUid) {}

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]{1,64}@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    /** Every column, and how many of the mailbox's fetched mails wait to be applied: for the status admins see. */
    private static final String COLUMNS = "m.*, (SELECT COUNT(*) FROM eml_inbound i WHERE i.mailbox_id = m.id"
            + " AND i.state = 'received') AS waiting_count";

    /** Every column without the count: for the fetcher and the sender, which ask per mail. */
    private static final String SETTINGS = "m.*, 0 AS waiting_count";

    private final JdbcClient db;
    private final SecretBox secrets;
    private final Clock clock;

    Mailboxes(JdbcClient db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Settings as stored: checked, trimmed, with the defaults filled in. */
    private record Checked(
            String name,
            String address,
            String imapHost,
            int imapPort,
            Security imapSecurity,
            String imapUsername,
            String imapPassword,
            String folder,
            String smtpHost,
            int smtpPort,
            Security smtpSecurity,
            String smtpUsername,
            String smtpPassword,
            int pollSeconds,
            boolean imapVerify,
            boolean smtpVerify) {}

    private static Checked check(MailboxSettings s) {
        String address = required(s.address(), "address", 320).toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches()) {
            throw new InvalidInput("address", "is not an email address");
        }
        int poll = s.pollSeconds() == null ? 30 : s.pollSeconds();
        if (poll < 5 || poll > 3600) {
            throw new InvalidInput("pollSeconds", "must be between 5 and 3600");
        }
        return new Checked(
                required(s.name(), "name", 100),
                address,
                host(s.imapHost(), "imap.host"),
                port(s.imapPort(), "imap.port"),
                security(s.imapSecurity()),
                required(s.imapUsername(), "imap.username", 320),
                required(s.imapPassword(), "imap.password", 500),
                s.folder() == null || s.folder().isBlank() ? "INBOX" : optional(s.folder(), "imap.folder", 200),
                host(s.smtpHost(), "smtp.host"),
                port(s.smtpPort(), "smtp.port"),
                security(s.smtpSecurity()),
                optional(s.smtpUsername(), "smtp.username", 320),
                optional(s.smtpPassword(), "smtp.password", 500),
                poll,
                !Boolean.FALSE.equals(s.imapVerifyCertificate()),
                !Boolean.FALSE.equals(s.smtpVerifyCertificate()));
    }

    @Transactional
    public Mailbox create(MailboxSettings settings) {
        Checked c = check(settings);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Instant now = Times.now(clock);
        try {
            db.sql("""
                            INSERT INTO eml_mailbox (name, address, imap_host, imap_port, imap_security, imap_username,
                              imap_password, imap_folder, smtp_host, smtp_port, smtp_security, smtp_username,
                              smtp_password, poll_seconds, imap_verify, smtp_verify, active, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)
                            """).params(values(c, Times.sql(now), Times.sql(now))).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw new Conflict("mailbox.exists", "a mailbox for " + c.address() + " exists already", c.address());
        }
        return get(key.getKey().longValue());
    }

    /**
     * Changes a mailbox: each setting given replaces the stored one, a setting left out (null) stays; an empty SMTP
     * user or password removes it. {@code active} false stops fetching (replies on its conversations still go out
     * from it). {@code expectedUpdatedAt}, when given, must be the mailbox's last change, else nothing is saved: the
     * admin's page was older than another admin's save. The mailbox is fetched again at once with what was saved.
     */
    @Transactional
    public Mailbox update(long id, MailboxSettings changes, Boolean active, Instant expectedUpdatedAt) {
        Access current = db.sql("SELECT " + SETTINGS + " FROM eml_mailbox m WHERE m.id = ? FOR UPDATE")
                .param(id)
                .query(this::accessRow)
                .optional()
                .orElseThrow(() -> NotFound.of("mailbox", id));
        Mailbox m = current.mailbox();
        if (expectedUpdatedAt != null && !expectedUpdatedAt.equals(m.updatedAt())) {
            throw new Conflict(
                    "mailbox.changed", "the mailbox was changed by someone else since it was read", m.address());
        }
        Checked c = check(new MailboxSettings(
                or(changes.name(), m.name()),
                or(changes.address(), m.address()),
                or(changes.imapHost(), m.imap().host()),
                or(changes.imapPort(), m.imap().port()),
                or(changes.imapSecurity(), m.imap().security()),
                or(changes.imapUsername(), m.imap().username()),
                or(changes.imapPassword(), current.imapPassword()),
                or(changes.folder(), m.folder()),
                or(changes.smtpHost(), m.smtp().host()),
                or(changes.smtpPort(), m.smtp().port()),
                or(changes.smtpSecurity(), m.smtp().security()),
                or(changes.smtpUsername(), m.smtp().username()),
                or(changes.smtpPassword(), current.smtpPassword()),
                or(changes.pollSeconds(), m.pollSeconds()),
                or(changes.imapVerifyCertificate(), m.imap().verifyCertificate()),
                or(changes.smtpVerifyCertificate(), m.smtp().verifyCertificate())));
        // another server, user or folder is another mailbox: fetching starts again from its unread mail
        boolean sameFolder = c.imapHost().equals(m.imap().host())
                && c.imapPort() == m.imap().port()
                && c.imapUsername().equals(m.imap().username())
                && c.folder().equals(m.folder());
        try {
            db.sql("""
                            UPDATE eml_mailbox SET name = ?, address = ?, imap_host = ?, imap_port = ?,
                              imap_security = ?, imap_username = ?, imap_password = ?, imap_folder = ?, smtp_host = ?,
                              smtp_port = ?, smtp_security = ?, smtp_username = ?, smtp_password = ?,
                              poll_seconds = ?, imap_verify = ?, smtp_verify = ?, active = ?, updated_at = ?, last_poll_at = NULL, failures = 0,
                              uid_validity = ?, last_uid = ?
                            WHERE id = ?
                            """)
                    .params(values(
                            c,
                            active == null ? m.active() : active,
                            Times.sql(later(m.updatedAt())),
                            sameFolder ? current.uidValidity() : null,
                            sameFolder ? current.lastUid() : null,
                            id))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("mailbox.exists", "a mailbox for " + c.address() + " exists already", c.address());
        }
        return get(id);
    }

    /**
     * Removes a mailbox that no mail has passed through. One whose mail is on tickets stays (the conversations, their
     * originals and replies need it): it can be deactivated instead.
     */
    @Transactional
    public void delete(long id) {
        // locked, so that no fetch stores a mail for it between the check and the delete
        db.sql("SELECT id FROM eml_mailbox WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Long.class)
                .optional();
        Mailbox m = get(id);
        boolean used = db.sql("""
                        SELECT 1 FROM eml_mailbox b WHERE b.id = ? AND (
                          EXISTS (SELECT 1 FROM eml_inbound i WHERE i.mailbox_id = b.id)
                          OR EXISTS (SELECT 1 FROM eml_thread t WHERE t.mailbox_id = b.id)
                          OR EXISTS (SELECT 1 FROM eml_outbound o WHERE o.mailbox_id = b.id))
                        """).param(id).query(Integer.class).optional().isPresent();
        if (used) {
            throw new Conflict(
                    "mailbox.used",
                    "mail of " + m.address() + " is on tickets; deactivate the mailbox instead",
                    m.address());
        }
        try {
            db.sql("DELETE FROM eml_mailbox WHERE id = ?").param(id).update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new Conflict(
                    "mailbox.used",
                    "mail of " + m.address() + " is on tickets; deactivate the mailbox instead",
                    m.address());
        }
    }

    /** A change time after the last one, so that a page read before it can tell, even within one clock tick. */
    private Instant later(Instant last) {
        Instant now = Times.now(clock);
        return last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
    }

    /** The settings in the order of the columns from name to smtp_verify, passwords sealed, then {@code more}. */
    private List<Object> values(Checked c, Object... more) {
        List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(
                c.name(),
                c.address(),
                c.imapHost(),
                c.imapPort(),
                c.imapSecurity().code(),
                c.imapUsername(),
                secrets.seal(c.imapPassword()),
                c.folder(),
                c.smtpHost(),
                c.smtpPort(),
                c.smtpSecurity().code(),
                c.smtpUsername(),
                secrets.seal(c.smtpPassword()),
                c.pollSeconds(),
                c.imapVerify(),
                c.smtpVerify()));
        values.addAll(java.util.Arrays.asList(more));
        return values;
    }

    private static <T> T or(T change, T current) {
        return change == null ? current : change;
    }

    @Transactional(readOnly = true)
    public Mailbox get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("mailbox", id));
    }

    @Transactional(readOnly = true)
    public Optional<Mailbox> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM eml_mailbox m WHERE m.id = ?")
                .param(id)
                .query(Mailboxes::row)
                .optional();
    }

    /** A mailbox's settings, without the status count (its {@code waitingCount} is 0): for sending, per mail. */
    @Transactional(readOnly = true)
    public Mailbox settings(long id) {
        return db.sql("SELECT " + SETTINGS + " FROM eml_mailbox m WHERE m.id = ?")
                .param(id)
                .query(Mailboxes::row)
                .optional()
                .orElseThrow(() -> NotFound.of("mailbox", id));
    }

    @Transactional(readOnly = true)
    public List<Mailbox> list() {
        return db.sql("SELECT " + COLUMNS + " FROM eml_mailbox m ORDER BY m.name, m.id")
                .query(Mailboxes::row)
                .list();
    }

    /** Active mailboxes whose next fetch is due (see {@link Mailbox#nextPollAt()}). */
    @Transactional(readOnly = true)
    public List<Access> due(Instant now) {
        return db
                .sql("SELECT " + SETTINGS + " FROM eml_mailbox m WHERE m.active = TRUE ORDER BY m.id")
                .query(this::accessRow)
                .list()
                .stream()
                .filter(a -> !a.mailbox().nextPollAt().isAfter(now))
                .toList();
    }

    /** Active mailboxes whose server pushes news (IMAP IDLE): the desk waits on them between fetches. */
    @Transactional(readOnly = true)
    public List<Access> listening() {
        return db.sql("SELECT " + SETTINGS
                        + " FROM eml_mailbox m WHERE m.active = TRUE AND m.idle = TRUE ORDER BY m.id")
                .query(this::accessRow)
                .list();
    }

    /** The mailbox with its sign-in, for sending. */
    @Transactional(readOnly = true)
    public Access access(long id) {
        return db.sql("SELECT " + SETTINGS + " FROM eml_mailbox m WHERE m.id = ?")
                .param(id)
                .query(this::accessRow)
                .optional()
                .orElseThrow(() -> NotFound.of("mailbox", id));
    }

    private Access accessRow(ResultSet rs, int n) throws SQLException {
        return new Access(
                row(rs, n),
                secrets.open(rs.getString("imap_password")),
                rs.getString("smtp_username"),
                secrets.open(rs.getString("smtp_password")),
                rs.getObject("uid_validity") == null ? null : rs.getLong("uid_validity"),
                rs.getObject("last_uid") == null ? null : rs.getLong("last_uid"));
    }

    /** The addresses of all mailboxes: mail from one of them is the desk talking to itself. */
    @Transactional(readOnly = true)
    public List<String> addresses() {
        return db.sql("SELECT address FROM eml_mailbox").query(String.class).list();
    }

    /** A fetch that worked: the time, how many new mails, and whether the server pushes news (IDLE). */
    public void fetched(long id, Instant at, int count, boolean idle) {
        db.sql("""
                        UPDATE eml_mailbox SET last_poll_at = ?, fetched_count = fetched_count + ?, idle = ?,
                          last_error = NULL, last_error_at = NULL, failures = 0 WHERE id = ?
                        """).params(Times.sql(at), count, idle, id).update();
    }

    /**
     * Where fetching goes on: the folder's UIDVALIDITY and the highest UID stored (never moved back). Only for the
     * settings the fetch began with ({@code settingsOf}): a fetch of a folder the admin has since changed moves nothing.
     */
    public void fetchedUpTo(long id, Instant settingsOf, long uidValidity, long lastUid) {
        db.sql("""
                        UPDATE eml_mailbox SET uid_validity = ?, last_uid = ?
                        WHERE id = ? AND updated_at = ?
                          AND (uid_validity IS NULL OR uid_validity <> ? OR last_uid IS NULL OR last_uid < ?)
                        """)
                .params(uidValidity, lastUid, id, Times.sql(settingsOf), uidValidity, lastUid)
                .update();
    }

    /** A fetch that failed: shown on the mailbox until one works. */
    public void failed(long id, Instant at, String error) {
        String text = error == null ? "unknown error" : error;
        db.sql(
                        "UPDATE eml_mailbox SET last_poll_at = ?, last_error = ?, last_error_at = ?, failures = failures + 1 WHERE id = ?")
                .params(Times.sql(at), text.length() > 2000 ? text.substring(0, 2000) : text, Times.sql(at), id)
                .update();
    }

    private static Mailbox row(ResultSet rs, int n) throws SQLException {
        return new Mailbox(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                new Mailbox.Server(
                        rs.getString("imap_host"),
                        rs.getInt("imap_port"),
                        io.rapport.common.Codes.stored(Security.class, rs.getString("imap_security")),
                        rs.getString("imap_username"),
                        rs.getBoolean("imap_verify")),
                rs.getString("imap_folder"),
                new Mailbox.Server(
                        rs.getString("smtp_host"),
                        rs.getInt("smtp_port"),
                        io.rapport.common.Codes.stored(Security.class, rs.getString("smtp_security")),
                        rs.getString("smtp_username"),
                        rs.getBoolean("smtp_verify")),
                rs.getInt("poll_seconds"),
                rs.getBoolean("active"),
                Times.instant(rs, "last_poll_at"),
                rs.getString("last_error"),
                Times.instant(rs, "last_error_at"),
                rs.getBoolean("idle"),
                rs.getLong("fetched_count"),
                rs.getInt("failures"),
                rs.getLong("waiting_count"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"));
    }

    private static Security security(Security s) {
        return s == null ? Security.SSL : s;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "must have at most " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, "must not contain control characters");
        }
        return v;
    }

    private static String host(String value, String field) {
        String host = required(value, field, 255);
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInput(field, "is not a host name or address");
        }
        return host;
    }

    private static int port(Integer port, String field) {
        if (port == null) {
            throw new InvalidInput(field, "is required");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInput(field, "must be between 1 and 65535");
        }
        return port;
    }
}
