package io.rapport.accounts.internal;

import io.rapport.accounts.AgentLanguage;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.AgentSkill;
import io.rapport.accounts.AgentView;
import io.rapport.accounts.LanguageLevel;
import io.rapport.accounts.Presence;
import io.rapport.accounts.Role;
import io.rapport.common.Codes;
import io.rapport.common.Hashing;
import io.rapport.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Agents and their teams, languages and skills, in acc_agent and its side tables. */
// A plain component: JdbcClient already translates SQL errors, so no exception-translation proxy is needed.
@Component
public class AgentRepository {

    private static final String COLUMNS =
            "id, email, name, role, tier, capacity, presence, active, created_at, updated_at, chat_capacity,"
                    + " work_timezone, work_hours";

    private final JdbcClient db;

    AgentRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(String email, String name, String hash, Role role, int tier, int capacity, Instant now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO acc_agent (email, name, password_hash, role, tier, capacity, presence, active,
                                               created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'offline', TRUE, ?, ?)
                        """)
                .params(email, name, hash, role.code(), tier, capacity, Times.sql(now), Times.sql(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(
            long id, String name, String hash, Role role, Integer tier, Integer capacity, Boolean active, Instant now) {
        db.sql("""
                        UPDATE acc_agent SET name = COALESCE(?, name), password_hash = COALESCE(?, password_hash),
                            role = COALESCE(?, role), tier = COALESCE(?, tier), capacity = COALESCE(?, capacity),
                            active = COALESCE(?, active), updated_at = ?
                        WHERE id = ?
                        """)
                .params(name, hash, role == null ? null : role.code(), tier, capacity, active, Times.sql(now), id)
                .update();
    }

    public java.util.Optional<Presence> presence(long id) {
        return db.sql("SELECT presence FROM acc_agent WHERE id = ?")
                .param(id)
                .query((rs, n) -> io.rapport.common.Codes.stored(Presence.class, rs.getString(1)))
                .optional();
    }

    public void setSchedule(long id, String timezone, String hours, int chatCapacity, Instant now) {
        db.sql("UPDATE acc_agent SET work_timezone = ?, work_hours = ?, chat_capacity = ?, updated_at = ? WHERE id = ?")
                .params(timezone, hours, chatCapacity, Times.sql(now), id)
                .update();
    }

    public String signature(long id) {
        return db.sql("SELECT signature FROM acc_agent WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .orElse(null);
    }

    public String deskLanguage(long id) {
        return db.sql("SELECT desk_language FROM acc_agent WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .orElse(null);
    }

    public void setDeskLanguage(long id, String language, Instant now) {
        db.sql("UPDATE acc_agent SET desk_language = ?, updated_at = ? WHERE id = ?")
                .params(language, Times.sql(now), id)
                .update();
    }

    public void setSignature(long id, String signature, Instant now) {
        db.sql("UPDATE acc_agent SET signature = ?, updated_at = ? WHERE id = ?")
                .params(signature, Times.sql(now), id)
                .update();
    }

    public void setPresence(long id, Presence presence, Instant now) {
        db.sql("UPDATE acc_agent SET presence = ?, updated_at = ? WHERE id = ?")
                .params(presence.code(), Times.sql(now), id)
                .update();
    }

    public void replaceTeams(long agentId, Collection<Long> teamIds) {
        db.sql("DELETE FROM acc_agent_team WHERE agent_id = ?").param(agentId).update();
        for (Long teamId : teamIds.stream().distinct().toList()) {
            db.sql("INSERT INTO acc_agent_team (agent_id, team_id) VALUES (?, ?)")
                    .params(agentId, teamId)
                    .update();
        }
    }

    public void replaceLanguages(long agentId, List<AgentLanguage> languages) {
        db.sql("DELETE FROM acc_agent_language WHERE agent_id = ?")
                .param(agentId)
                .update();
        Map<String, LanguageLevel> byCode = new LinkedHashMap<>();
        languages.forEach(l -> byCode.put(l.code(), l.level()));
        byCode.forEach(
                (code, level) -> db.sql("INSERT INTO acc_agent_language (agent_id, code, level) VALUES (?, ?, ?)")
                        .params(agentId, code, level.code())
                        .update());
    }

    public void replaceSkills(long agentId, List<AgentSkill> skills) {
        db.sql("DELETE FROM acc_agent_skill WHERE agent_id = ?").param(agentId).update();
        Map<String, Integer> byName = new LinkedHashMap<>();
        skills.forEach(s -> byName.put(s.name(), s.level()));
        byName.forEach((name, level) -> db.sql("INSERT INTO acc_agent_skill (agent_id, name, level) VALUES (?, ?, ?)")
                .params(agentId, name, level)
                .update());
    }

    public Optional<AgentView> find(long id) {
        return findAllById(List.of(id)).values().stream().findFirst();
    }

    public List<AgentView> findAll() {
        List<Row> rows = db.sql("SELECT " + COLUMNS + " FROM acc_agent ORDER BY name")
                .query(AgentRepository::row)
                .list();
        return complete(rows);
    }

    public Map<Long, AgentView> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = db.sql("SELECT " + COLUMNS + " FROM acc_agent WHERE id IN (:ids) ORDER BY name")
                .param("ids", ids)
                .query(AgentRepository::row)
                .list();
        Map<Long, AgentView> result = new LinkedHashMap<>();
        complete(rows).forEach(a -> result.put(a.id(), a));
        return result;
    }

    public Optional<AgentPrincipal> findPrincipalByEmail(String email) {
        return db.sql("SELECT id, email, name, role, password_hash, active FROM acc_agent WHERE email = ?")
                .param(email)
                .query(AgentRepository::principal)
                .optional();
    }

    /** The agent as signed in, without the password hash (but with the stamp it gives). */
    public Optional<AgentPrincipal> findPrincipal(long id) {
        return db.sql("SELECT id, email, name, role, password_hash, active FROM acc_agent WHERE id = ?")
                .param(id)
                .query(AgentRepository::principal)
                .optional()
                .map(AgentPrincipal::withoutPassword);
    }

    private static AgentPrincipal principal(ResultSet rs, int n) throws SQLException {
        String hash = rs.getString("password_hash");
        return new AgentPrincipal(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Codes.stored(Role.class, rs.getString("role")),
                hash,
                rs.getBoolean("active"),
                credentialStamp(hash));
    }

    /** A short fingerprint of the password hash: it changes with the password, and reveals nothing of it. */
    public static String credentialStamp(String passwordHash) {
        return Hashing.sha256Hex("rapport-session\u0000" + passwordHash).substring(0, 16);
    }

    public long countActiveAdmins() {
        return db.sql("SELECT COUNT(*) FROM acc_agent WHERE role = 'admin' AND active = TRUE")
                .query(Long.class)
                .single();
    }

    private record Row(
            long id,
            String email,
            String name,
            Role role,
            int tier,
            int capacity,
            Presence presence,
            boolean active,
            Instant createdAt,
            Instant updatedAt,
            int chatCapacity,
            String workTimezone,
            String workHours) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Codes.stored(Role.class, rs.getString("role")),
                rs.getInt("tier"),
                rs.getInt("capacity"),
                Codes.stored(Presence.class, rs.getString("presence")),
                rs.getBoolean("active"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"),
                rs.getInt("chat_capacity"),
                rs.getString("work_timezone"),
                rs.getString("work_hours"));
    }

    /** Adds teams, languages and skills with one query each for the whole list. */
    private List<AgentView> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> teams = new HashMap<>();
        db.sql("SELECT agent_id, team_id FROM acc_agent_team WHERE agent_id IN (:ids) ORDER BY team_id")
                .param("ids", ids)
                .query(rs -> {
                    teams.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<AgentLanguage>> languages = new HashMap<>();
        db.sql("SELECT agent_id, code, level FROM acc_agent_language WHERE agent_id IN (:ids) ORDER BY code")
                .param("ids", ids)
                .query(rs -> {
                    languages
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new AgentLanguage(
                                    rs.getString(2), Codes.stored(LanguageLevel.class, rs.getString(3))));
                });
        Map<Long, List<AgentSkill>> skills = new HashMap<>();
        db.sql("SELECT agent_id, name, level FROM acc_agent_skill WHERE agent_id IN (:ids) ORDER BY name")
                .param("ids", ids)
                .query(rs -> {
                    skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new AgentSkill(rs.getString(2), rs.getInt(3)));
                });
        return rows.stream()
                .map(r -> new AgentView(
                        r.id(),
                        r.email(),
                        r.name(),
                        r.role(),
                        List.copyOf(teams.getOrDefault(r.id(), List.of())),
                        List.copyOf(languages.getOrDefault(r.id(), List.of())),
                        List.copyOf(skills.getOrDefault(r.id(), List.of())),
                        r.tier(),
                        r.capacity(),
                        r.presence(),
                        r.active(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.chatCapacity(),
                        io.rapport.accounts.WorkingHours.fromStored(r.workTimezone(), r.workHours())))
                .toList();
    }
}
