package io.rapport.routing;

import io.rapport.accounts.Actor;
import io.rapport.accounts.Organizations;
import io.rapport.accounts.Teams;
import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admin tells routing (ADR 24): skill rules, and per team whether tickets are pushed or queued and how long
 * they wait before the requirements widen. Without a setting a team pushes and waits {@link #DEFAULT_WAIT_MINUTES}.
 */
@Service
public class RoutingRules {

    public static final int DEFAULT_WAIT_MINUTES = 2;
    static final int MAX_WAIT_MINUTES = 24 * 60;
    static final int MAX_KEYWORDS = 50;
    static final int MAX_KEYWORD = 60;
    static final int MAX_RULES = 500;
    private static final Set<String> CHANNELS = Set.of("email", "chat", "web", "messaging", "phone", "api");

    private final JdbcClient db;
    private final Organizations organizations;
    private final Teams teams;
    private final Clock clock;

    RoutingRules(JdbcClient db, Organizations organizations, Teams teams, Clock clock) {
        this.db = db;
        this.organizations = organizations;
        this.teams = teams;
        this.clock = clock;
    }

    /** A new rule as typed: blank conditions are not set; keywords separated by commas. */
    public record NewRule(
            String skill, Integer level, List<String> keywords, String channel, Long organizationId, String tag) {}

    @Transactional
    public SkillRule create(NewRule rule, Actor by) {
        String skill = required(rule.skill(), "skill", 80).toLowerCase(Locale.ROOT);
        if (rule.level() == null || rule.level() < 1 || rule.level() > 5) {
            throw new InvalidInput("level", "must be from 1 to 5");
        }
        List<String> keywords = keywords(rule.keywords());
        String channel = blankToNull(rule.channel());
        if (channel != null) {
            channel = channel.toLowerCase(Locale.ROOT);
            if (!CHANNELS.contains(channel)) {
                throw new InvalidInput(
                        "channel",
                        "must be one of "
                                + String.join(", ", CHANNELS.stream().sorted().toList()));
            }
        }
        if (rule.organizationId() != null && !organizations.exists(rule.organizationId())) {
            throw new InvalidInput("organizationId", "no organization with id " + rule.organizationId());
        }
        String tag = blankToNull(rule.tag());
        if (tag != null) {
            tag = optional(tag, "tag", 100).toLowerCase(Locale.ROOT);
        }
        if (keywords.isEmpty() && channel == null && rule.organizationId() == null && tag == null) {
            throw new InvalidInput(
                    "conditions", "give at least one condition: keywords, a channel, an organization or a tag");
        }
        Integer count =
                db.sql("SELECT COUNT(*) FROM rtg_rule").query(Integer.class).single();
        if (count >= MAX_RULES) {
            throw new InvalidInput("skill", "at most " + MAX_RULES + " rules; remove one first");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO rtg_rule (skill, level, keywords, channel, organization_id, tag, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        skill,
                        rule.level(),
                        keywords.isEmpty() ? null : String.join("\n", keywords),
                        channel,
                        rule.organizationId(),
                        tag,
                        by.name(),
                        Times.sql(Times.now(clock)))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<SkillRule> rules() {
        return db.sql("""
                        SELECT id, skill, level, keywords, channel, organization_id, tag, created_by, created_at
                        FROM rtg_rule ORDER BY skill, id
                        """).query(RoutingRules::rule).list();
    }

    @Transactional
    public void delete(long id) {
        if (db.sql("DELETE FROM rtg_rule WHERE id = ?").param(id).update() == 0) {
            throw NotFound.of("rule", id);
        }
    }

    /** Every team's setting (teams without one get the default), the one for tickets of no team first. */
    @Transactional(readOnly = true)
    public List<TeamSetting> settings() {
        Map<Long, TeamSetting> stored = db
                .sql("SELECT team_id, mode, wait_seconds FROM rtg_team_setting")
                .query(RoutingRules::setting)
                .list()
                .stream()
                .collect(Collectors.toMap(s -> s.teamId() == null ? 0L : s.teamId(), Function.identity()));
        List<TeamSetting> all = new ArrayList<>();
        all.add(stored.getOrDefault(0L, defaults(null)));
        teams.list().stream()
                .filter(t -> t.active())
                .forEach(t -> all.add(stored.getOrDefault(t.id(), defaults(t.id()))));
        return all;
    }

    /** The setting for one team's tickets (null: tickets of no team). */
    @Transactional(readOnly = true)
    public TeamSetting setting(Long teamId) {
        return db.sql("SELECT team_id, mode, wait_seconds FROM rtg_team_setting WHERE team_id = ?")
                .param(teamId == null ? 0L : teamId)
                .query(RoutingRules::setting)
                .optional()
                .orElse(defaults(teamId));
    }

    @Transactional
    public TeamSetting set(Long teamId, AssignmentMode mode, Integer waitMinutes) {
        if (teamId != null && !teams.exists(teamId)) {
            throw new InvalidInput("teamId", "no team with id " + teamId);
        }
        if (mode == null) {
            throw new InvalidInput("mode", "must be one of " + Codes.allowed(AssignmentMode.class));
        }
        int wait = waitMinutes == null ? DEFAULT_WAIT_MINUTES : waitMinutes;
        if (wait < 0 || wait > MAX_WAIT_MINUTES) {
            throw new InvalidInput("waitMinutes", "must be from 0 to " + MAX_WAIT_MINUTES);
        }
        long key = teamId == null ? 0L : teamId;
        Object now = Times.sql(Times.now(clock));
        int changed = db.sql("UPDATE rtg_team_setting SET mode = ?, wait_seconds = ?, updated_at = ? WHERE team_id = ?")
                .params(mode.code(), wait * 60, now, key)
                .update();
        if (changed == 0) {
            db.sql("INSERT INTO rtg_team_setting (team_id, mode, wait_seconds, updated_at) VALUES (?, ?, ?, ?)")
                    .params(key, mode.code(), wait * 60, now)
                    .update();
        }
        return new TeamSetting(teamId, mode, wait);
    }

    private static TeamSetting defaults(Long teamId) {
        return new TeamSetting(teamId, AssignmentMode.PUSH, DEFAULT_WAIT_MINUTES);
    }

    private static TeamSetting setting(ResultSet rs, int n) throws SQLException {
        long team = rs.getLong("team_id");
        return new TeamSetting(
                team == 0 ? null : team,
                Codes.parse(AssignmentMode.class, rs.getString("mode"), "mode"),
                rs.getInt("wait_seconds") / 60);
    }

    private static SkillRule rule(ResultSet rs, int n) throws SQLException {
        String keywords = rs.getString("keywords");
        return new SkillRule(
                rs.getLong("id"),
                rs.getString("skill"),
                rs.getInt("level"),
                keywords == null ? List.of() : Arrays.asList(keywords.split("\n")),
                rs.getString("channel"),
                (Long) rs.getObject("organization_id", Long.class),
                rs.getString("tag"),
                rs.getString("created_by"),
                Times.instant(rs, "created_at"));
    }

    private static List<String> keywords(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String raw : given) {
            for (String part : (raw == null ? "" : raw).split("[,\n]")) {
                String word = part.strip().toLowerCase(Locale.ROOT);
                if (word.isEmpty()) {
                    continue;
                }
                checkText(word, "keywords");
                if (word.length() > MAX_KEYWORD) {
                    throw new InvalidInput("keywords", "each keyword has at most " + MAX_KEYWORD + " characters");
                }
                words.add(word);
            }
        }
        if (words.size() > MAX_KEYWORDS) {
            throw new InvalidInput("keywords", "at most " + MAX_KEYWORDS + " keywords a rule");
        }
        return List.copyOf(words);
    }

    private static String required(String value, String field, int max) {
        String v = blankToNull(value);
        if (v == null) {
            throw new InvalidInput(field, "is required");
        }
        return optional(v, field, max);
    }

    private static String optional(String value, String field, int max) {
        String v = value.strip();
        checkText(v, field);
        if (v.length() > max) {
            throw new InvalidInput(field, "must have at most " + max + " characters");
        }
        return v;
    }

    private static void checkText(String v, String field) {
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isSurrogate((char) c))) {
            throw new InvalidInput(field, "must be plain text");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Whether the rule applies to a ticket with this text (lower case), channel, organization and tags. */
    public static boolean matches(SkillRule rule, String text, String channel, Long organizationId, Set<String> tags) {
        if (rule.channel() != null && !rule.channel().equals(channel)) {
            return false;
        }
        if (rule.organizationId() != null && !rule.organizationId().equals(organizationId)) {
            return false;
        }
        if (rule.tag() != null && !tags.contains(rule.tag())) {
            return false;
        }
        return rule.keywords().isEmpty() || rule.keywords().stream().anyMatch(k -> containsWord(text, k));
    }

    /** A keyword as a whole word or phrase: "bill" does not match "billing", "invoice" matches "invoice?". */
    static boolean containsWord(String text, String keyword) {
        int from = 0;
        while (true) {
            int at = text.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            int end = at + keyword.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
