package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.Hashing;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import io.rapport.web.UiLanguages;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents of the desk: add (with a password, or invited by mail to choose their own), change, look up, and set
 * presence. Every addition and change is in the audit log.
 */
@Service
public class Agents {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MIN_PASSWORD = 10;
    public static final int MAX_SIGNATURE = 2000;

    private final AgentRepository agents;
    private final Teams teams;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final Invitations invitations;
    private final AccountAudit audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Agents(
            AgentRepository agents,
            Teams teams,
            PasswordEncoder passwords,
            ApiTokens tokens,
            Invitations invitations,
            AccountAudit audit,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.agents = agents;
        this.teams = teams;
        this.passwords = passwords;
        this.tokens = tokens;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds an agent. Without a password the agent is invited by mail (in {@code language}) to choose their own; until
     * then no password signs them in.
     */
    @Transactional
    public AgentView create(CreateAgent command, Actor by, Locale language) {
        String email = normalizeEmail(command.email());
        if (command.name() == null
                || command.name().isBlank()
                || command.name().strip().length() > 200) {
            throw new InvalidInput("name", "is required and at most 200 characters");
        }
        boolean invite = command.password() == null || command.password().isEmpty();
        if (!invite) {
            checkPassword(command.password());
        }
        if (agents.findPrincipalByEmail(email).isPresent()) {
            throw new Conflict("agent.exists", "an agent with email " + email + " already exists", email);
        }
        List<Long> teamIds = command.teamIds() == null ? List.of() : command.teamIds();
        teams.requireAll(teamIds);
        long id = agents.insert(
                email,
                command.name().strip(),
                // nobody knows this one: an invited agent signs in only after choosing a password
                passwords.encode(invite ? Hashing.randomSecret(32) : command.password()),
                command.role() == null ? Role.AGENT : command.role(),
                checkTier(command.tier() == null ? 1 : command.tier()),
                checkCapacity(command.capacity() == null ? 10 : command.capacity()),
                Times.now(clock));
        agents.replaceTeams(id, teamIds);
        agents.replaceLanguages(id, checkLanguages(command.languages()));
        agents.replaceSkills(id, checkSkills(command.skills()));
        AgentView created = get(id);
        audit.record(
                by,
                "created",
                "agent",
                id,
                null,
                null,
                created.name() + " <" + created.email() + ">, " + created.role(),
                Times.now(clock));
        if (invite) {
            invitations.invite(id, by, language);
        }
        return created;
    }

    @Transactional
    public AgentView update(long id, UpdateAgent change, Actor by) {
        AgentView before = get(id);
        if (change.name() != null
                && (change.name().isBlank() || change.name().strip().length() > 200)) {
            throw new InvalidInput("name", "must not be blank and at most 200 characters");
        }
        if (change.password() != null) {
            checkPassword(change.password());
        }
        if (change.tier() != null) {
            checkTier(change.tier());
        }
        if (change.capacity() != null) {
            checkCapacity(change.capacity());
        }
        agents.update(
                id,
                change.name() == null ? null : change.name().strip(),
                change.password() == null ? null : passwords.encode(change.password()),
                change.role(),
                change.tier(),
                change.capacity(),
                change.active(),
                Times.now(clock));
        tokens.forgetAgent(id);
        if (change.password() != null || Boolean.FALSE.equals(change.active())) {
            invitations.endFor(id); // a link lying in a mailbox must not undo a password set since, or a deactivation
        }
        if (change.teamIds() != null) {
            teams.requireAll(change.teamIds());
            agents.replaceTeams(id, change.teamIds());
        }
        if (change.languages() != null) {
            agents.replaceLanguages(id, checkLanguages(change.languages()));
        }
        if (change.skills() != null) {
            agents.replaceSkills(id, checkSkills(change.skills()));
        }
        AgentView after = get(id);
        recordChanges(before, after, change.password() != null, by);
        return after;
    }

    private void recordChanges(AgentView before, AgentView after, boolean passwordSet, Actor by) {
        Instant now = Times.now(clock);
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("name", new String[] {before.name(), after.name()});
        fields.put("role", new String[] {before.role().code(), after.role().code()});
        fields.put("active", new String[] {String.valueOf(before.active()), String.valueOf(after.active())});
        fields.put("tier", new String[] {String.valueOf(before.tier()), String.valueOf(after.tier())});
        fields.put("capacity", new String[] {String.valueOf(before.capacity()), String.valueOf(after.capacity())});
        Map<Long, String> teamNames = teams.list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
        fields.put("teams", new String[] {names(before.teamIds(), teamNames), names(after.teamIds(), teamNames)});
        fields.put("languages", new String[] {languages(before), languages(after)});
        fields.put("skills", new String[] {skills(before), skills(after)});
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                audit.record(by, "changed", "agent", after.id(), field, values[0], values[1], now);
            }
        });
        if (passwordSet) {
            audit.record(by, "set password", "agent", after.id(), null, null, null, now);
        }
    }

    private static String names(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).sorted().collect(Collectors.joining(", "));
    }

    private static String languages(AgentView agent) {
        return agent.languages().stream()
                .map(l -> l.code() + ":" + l.level().code())
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String skills(AgentView agent) {
        return agent.skills().stream()
                .map(s -> s.name() + ":" + s.level())
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * When the agent works (null: any time) and how many chats they take at once (0 to 20); both audited. The agent
     * sets their own; admins anyone's.
     */
    @Transactional
    public AgentView setSchedule(long id, WorkingHours hours, int chatCapacity, Actor by) {
        AgentView before = get(id);
        if (chatCapacity < 0 || chatCapacity > 20) {
            throw new InvalidInput("chatCapacity", "must be between 0 and 20");
        }
        if (hours != null) {
            try {
                hours.calendar();
            } catch (InvalidInput e) {
                throw e.as("workingHours." + e.field());
            }
        }
        agents.setSchedule(
                id,
                hours == null ? null : hours.timezone().strip(),
                hours == null ? null : hours.toStored(),
                chatCapacity,
                Times.now(clock));
        AgentView after = get(id);
        String was = described(before.workingHours());
        String now = described(after.workingHours());
        if (!Objects.equals(was, now)) {
            audit.record(by, "changed", "agent", id, "workingHours", was, now, Times.now(clock));
        }
        if (before.chatCapacity() != chatCapacity) {
            audit.record(
                    by,
                    "changed",
                    "agent",
                    id,
                    "chatCapacity",
                    String.valueOf(before.chatCapacity()),
                    String.valueOf(chatCapacity),
                    Times.now(clock));
        }
        return after;
    }

    /** Working hours as the audit log shows them ("Europe/Berlin mon=09:00-17:00"); null: any time. */
    private static String described(WorkingHours hours) {
        return hours == null ? null : hours.timezone() + " " + hours.toStored();
    }

    /** Whether the agent is there to take work now (offline for an agent that does not exist). */
    @Transactional(readOnly = true)
    public Presence presence(long id) {
        return agents.presence(id).orElse(Presence.OFFLINE);
    }

    /** The agent's signature for public replies; null when they have none. */
    @Transactional(readOnly = true)
    public String signature(long id) {
        get(id);
        return agents.signature(id);
    }

    /**
     * The language the agent chose for the desk: its pages and the mails it sends them. Empty when they chose none
     * (pages then follow their browser, mails go in English).
     */
    @Transactional(readOnly = true)
    public Optional<String> deskLanguage(long id) {
        return Optional.ofNullable(agents.deskLanguage(id)).filter(UiLanguages::supported);
    }

    /** The locale to write to this agent in: the language they chose for the desk, else English. */
    @Transactional(readOnly = true)
    public Locale locale(long id) {
        return UiLanguages.localeFor(agents.deskLanguage(id));
    }

    /** Sets the agent's desk language (one the desk speaks; blank: none, follow the browser), audited. */
    @Transactional
    public void setDeskLanguage(long id, String language, Actor by) {
        get(id);
        String checked = language == null || language.isBlank() ? null : language.strip();
        if (checked != null && !UiLanguages.supported(checked)) {
            throw new InvalidInput("language", "must be one of " + String.join(", ", UiLanguages.SUPPORTED));
        }
        String before = agents.deskLanguage(id);
        if (!Objects.equals(before, checked)) {
            agents.setDeskLanguage(id, checked, Times.now(clock));
            audit.record(by, "changed", "agent", id, "deskLanguage", before, checked, Times.now(clock));
        }
    }

    /** Sets (blank: removes) the agent's signature, at most 2,000 characters. */
    @Transactional
    public void setSignature(long id, String signature, Actor by) {
        get(id);
        String checked = signature == null || signature.isBlank()
                ? null
                : signature.strip().replace("\r\n", "\n");
        if (checked != null && checked.length() > MAX_SIGNATURE) {
            throw new InvalidInput("signature", "must have at most " + MAX_SIGNATURE + " characters");
        }
        String before = agents.signature(id);
        if (!Objects.equals(before, checked)) {
            agents.setSignature(id, checked, Times.now(clock));
            audit.record(by, "changed", "agent", id, "signature", before, checked, Times.now(clock));
        }
    }

    @Transactional
    public AgentView setPresence(long id, Presence presence) {
        if (presence == null) {
            throw new InvalidInput("status", "must be one of " + Codes.allowed(Presence.class));
        }
        Presence before = get(id).presence();
        agents.setPresence(id, presence, Times.now(clock));
        if (before != presence) {
            events.publishEvent(new AgentPresenceChanged(id, before, presence));
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public AgentView get(long id) {
        return agents.find(id).orElseThrow(() -> NotFound.of("agent", id));
    }

    @Transactional(readOnly = true)
    public Optional<AgentView> find(long id) {
        return agents.find(id);
    }

    @Transactional(readOnly = true)
    public List<AgentView> list() {
        return agents.findAll();
    }

    /** The agent with this email, hash included (for signing in); nobody for what cannot be an address. */
    @Transactional(readOnly = true)
    public Optional<AgentPrincipal> principalByEmail(String email) {
        if (email == null || email.length() > 254 || email.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return agents.findPrincipalByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    /** The agent as signed in: role and active flag as they are now. */
    @Transactional(readOnly = true)
    public Optional<AgentPrincipal> principal(long id) {
        return agents.findPrincipal(id);
    }

    /** Whether the password is the agent's current one. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(long id, String password) {
        return password != null
                && agents.find(id)
                        .flatMap(a -> agents.findPrincipalByEmail(a.email()))
                        .map(p -> passwords.matches(password, p.passwordHash()))
                        .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return agents.countActiveAdmins() > 0;
    }

    static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInput("email", "is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new InvalidInput("email", "is not a valid email address");
        }
        return normalized;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInput("password", "must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 200) {
            throw new InvalidInput("password", "must have at most 200 characters");
        }
    }

    private static int checkTier(int tier) {
        if (tier < 1 || tier > 3) {
            throw new InvalidInput("tier", "must be 1, 2 or 3");
        }
        return tier;
    }

    private static int checkCapacity(int capacity) {
        if (capacity < 0 || capacity > 1000) {
            throw new InvalidInput("capacity", "must be between 0 and 1000");
        }
        return capacity;
    }

    private static List<AgentLanguage> checkLanguages(List<AgentLanguage> languages) {
        if (languages == null) {
            return List.of();
        }
        for (AgentLanguage language : languages) {
            if (language.code() == null || !language.code().matches("[a-z]{2,3}")) {
                throw new InvalidInput("languages.code", "must be an ISO 639-1 code such as en or de");
            }
            if (language.level() == null) {
                throw new InvalidInput("languages.level", "must be one of " + Codes.allowed(LanguageLevel.class));
            }
        }
        return languages;
    }

    private static List<AgentSkill> checkSkills(List<AgentSkill> skills) {
        if (skills == null) {
            return List.of();
        }
        for (AgentSkill skill : skills) {
            if (skill.name() == null || skill.name().isBlank() || skill.name().length() > 80) {
                throw new InvalidInput("skills.name", "is required and at most 80 characters");
            }
            if (skill.level() < 1 || skill.level() > 5) {
                throw new InvalidInput("skills.level", "must be between 1 and 5");
            }
        }
        return skills.stream()
                .map(s -> new AgentSkill(s.name().strip().toLowerCase(Locale.ROOT), s.level()))
                .toList();
    }
}
