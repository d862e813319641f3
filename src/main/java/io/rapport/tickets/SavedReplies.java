package io.rapport.tickets;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Agents;
import io.rapport.accounts.Role;
import io.rapport.common.Conflict;
import io.rapport.common.Forbidden;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Times;
import io.rapport.tickets.internal.SavedReplyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved replies (issue 10, point 3; ADR 28): an agent's own, or shared by a supervisor or an admin with everyone, with
 * placeholders filled in from the ticket, actions (a status, tags) and variants in the desk's languages. A reply sent
 * from one records which saved reply it started from and how much of it the agent changed.
 */
@Service
public class SavedReplies {

    public static final int MAX_TITLE = 120;
    public static final int MAX_BODY = 20_000;
    /** What a saved reply may say about the ticket and the people on it. */
    public static final List<String> PLACEHOLDERS = List.of(
            "customer.firstName", "customer.name", "ticket.number", "ticket.subject", "agent.name", "agent.firstName");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Stands where a placeholder had nothing to say, until the text around it is tidied. */
    private static final String EMPTY = "\u0000";
    /** Word lists longer than this are compared on their first words only (the cost grows with the square). */
    static final int MAX_COMPARED_WORDS = 3_000;

    private final SavedReplyRepository store;
    private final Tickets tickets;
    private final Agents agents;
    private final Clock clock;
    private final List<String> languages;

    SavedReplies(
            SavedReplyRepository store,
            Tickets tickets,
            Agents agents,
            Clock clock,
            @Value("${rapport.languages}") List<String> languages) {
        this.store = store;
        this.tickets = tickets;
        this.agents = agents;
        this.clock = clock;
        this.languages = List.copyOf(languages);
    }

    @Transactional
    public SavedReply create(NewSavedReply reply, long agentId) {
        boolean shared = Boolean.TRUE.equals(reply.shared());
        if (shared) {
            mayShare(agentId);
        }
        long id = store.insert(clean(reply), agentId, shared, Times.now(clock));
        return store.find(id).orElseThrow();
    }

    /** Saves a new state if nobody saved since {@code fromVersion}; the owner, or for a shared one, who may share. */
    @Transactional
    public SavedReply update(long id, int fromVersion, NewSavedReply reply, long agentId) {
        SavedReply current = visible(id, agentId);
        mayChange(current, agentId);
        if (current.version() != fromVersion) {
            throw changed(current, reply.title()); // told first, not hidden behind a typo in the new text
        }
        boolean shared = reply.shared() == null ? current.shared() : reply.shared();
        if (shared && !current.shared()) {
            mayShare(agentId);
        }
        if (!store.update(id, fromVersion, clean(reply), shared, Times.now(clock))) {
            throw changed(visible(id, agentId), reply.title());
        }
        return store.find(id).orElseThrow();
    }

    private static Conflict changed(SavedReply now, String title) {
        return new Conflict(
                "savedReply.changed",
                "the saved reply was changed by someone else since you opened it (it is at version " + now.version()
                        + ")",
                title == null || title.isBlank() ? now.title() : title.strip());
    }

    @Transactional
    public void delete(long id, long agentId) {
        mayChange(visible(id, agentId), agentId);
        store.delete(id);
    }

    /** The saved replies this agent may use: their own and the shared ones, by title. */
    public List<SavedReply> usableBy(long agentId) {
        return store.usableBy(agentId);
    }

    /** One saved reply this agent may use; another agent's personal one is not found. */
    public SavedReply visible(long id, long agentId) {
        return store.find(id)
                .filter(r -> r.shared() || r.ownerId() == agentId)
                .orElseThrow(() -> NotFound.of("saved reply", id));
    }

    /** Every saved reply this agent may use, as it reads on this ticket. */
    public List<RenderedReply> forTicket(long ticketId, long agentId) {
        TicketView ticket = tickets.get(ticketId);
        AgentView agent = agents.get(agentId);
        return usableBy(agentId).stream().map(r -> render(r, ticket, agent)).toList();
    }

    /** One saved reply as it reads on this ticket. */
    public RenderedReply render(long id, long ticketId, long agentId) {
        return render(visible(id, agentId), tickets.get(ticketId), agents.get(agentId));
    }

    /**
     * Sends a reply (or note) that started from a saved reply: records which and how much of it was changed, moves the
     * ticket to {@code then} (when null, to the saved reply's status) and adds its tags; all or nothing.
     */
    @Transactional
    public MessageView send(long ticketId, long savedReplyId, AddMessage message, TicketStatus then, long agentId) {
        String sent = message.body() != null && !message.body().isBlank()
                ? message.body()
                : io.rapport.common.Html.toText(message.bodyHtml());
        return send(ticketId, savedReplyId, message, sent, then, true, agentId);
    }

    /**
     * As {@link #send(long, long, AddMessage, TicketStatus, long)}, comparing {@code written} (what the agent wrote,
     * without the signature the desk adds) with the saved reply; the saved reply's status applies only when asked
     * for (a page lets the agent choose it, and "keep the status" is a choice).
     */
    @Transactional
    public MessageView send(
            long ticketId,
            long savedReplyId,
            AddMessage message,
            String written,
            TicketStatus then,
            boolean replyStatusWhenNone,
            long agentId) {
        RenderedReply reply;
        try {
            reply = render(savedReplyId, ticketId, agentId);
        } catch (NotFound e) {
            throw new InvalidInput("savedReplyId", "no saved reply " + savedReplyId + " that you may use");
        }
        ReplyOrigin origin = new ReplyOrigin(savedReplyId, changedPercent(reply.body(), written));
        MessageView sentMessage = tickets.addMessage(
                ticketId,
                new AddMessage(
                        message.body(),
                        message.bodyHtml(),
                        message.visibility(),
                        message.channel(),
                        message.author(),
                        message.attachments(),
                        origin),
                then != null || !replyStatusWhenNone ? then : reply.status());
        if (!reply.tags().isEmpty()) {
            Set<String> tags = new LinkedHashSet<>(tickets.get(ticketId).tags());
            if (tags.addAll(reply.tags())) {
                tickets.change(ticketId, new ChangeTicket(null, null, null, null, tags, null), message.author());
            }
        }
        return sentMessage;
    }

    /**
     * How much of {@code from} became something else in {@code to}: word-level edit distance over the longer text's
     * words, 0 to 100.
     */
    public static int changedPercent(String from, String to) {
        List<String> a = words(from);
        List<String> b = words(to);
        int longest = Math.max(a.size(), b.size());
        if (longest == 0) {
            return 0;
        }
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (int) Math.round(100.0 * previous[b.size()] / longest);
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : SPACES.split(text.strip().toLowerCase(Locale.ROOT))) {
            if (words.size() == MAX_COMPARED_WORDS) {
                break;
            }
            words.add(w);
        }
        return words;
    }

    /** The body in the ticket's language when there is that variant, placeholders filled in. */
    static RenderedReply render(SavedReply r, TicketView ticket, AgentView agent) {
        String language =
                ticket.language() != null && r.variants().containsKey(ticket.language()) ? ticket.language() : null;
        String body = language == null ? r.body() : r.variants().get(language);
        String customer =
                ticket.customer().name() == null ? "" : ticket.customer().name().strip();
        Map<String, String> values = Map.of(
                "customer.firstName", firstWord(customer),
                "customer.name", customer,
                "ticket.number", Long.toString(ticket.number()),
                "ticket.subject", ticket.subject(),
                "agent.name", agent.name(),
                "agent.firstName", firstWord(agent.name()));
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value.isEmpty() ? EMPTY : value));
        }
        m.appendTail(out);
        // "Hello {{customer.firstName}}," for a customer without a name reads "Hello,"; the rest stays as written
        String text = out.toString()
                .replaceAll("[ \\t]*" + EMPTY + "(?=[,.!?;:])", "")
                .replace(EMPTY, "");
        return new RenderedReply(r.id(), r.title(), text, language, r.status(), r.tags());
    }

    private static String firstWord(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    private void mayShare(long agentId) {
        Role role = agents.get(agentId).role();
        if (role != Role.ADMIN && role != Role.SUPERVISOR) {
            throw new Forbidden("only supervisors and admins share saved replies with everyone");
        }
    }

    private void mayChange(SavedReply reply, long agentId) {
        if (reply.ownerId() == agentId) {
            return;
        }
        if (reply.shared()) {
            mayShare(agentId);
            return;
        }
        throw NotFound.of("saved reply", reply.id());
    }

    private NewSavedReply clean(NewSavedReply r) {
        Map<String, String> variants = new LinkedHashMap<>();
        if (r.variants() != null) {
            r.variants().forEach((language, body) -> {
                String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
                if (!languages.contains(l)) {
                    throw new InvalidInput(
                            "variants", "a language must be one of the desk's: " + String.join(", ", languages));
                }
                variants.put(l, body(body, "variants"));
            });
        }
        if (r.status() == TicketStatus.NEW || r.status() == TicketStatus.CLOSED) {
            throw new InvalidInput("status", "a reply can leave a ticket open, pending or solved");
        }
        return new NewSavedReply(
                title(r.title()),
                body(r.body(), "body"),
                r.shared(),
                r.status(),
                List.copyOf(Tickets.checkTags(r.tags())),
                variants);
    }

    private static String title(String title) {
        String t = title == null ? "" : SPACES.matcher(title.strip()).replaceAll(" ");
        if (t.isEmpty()) {
            throw new InvalidInput("title", "is required");
        }
        if (t.length() > MAX_TITLE) {
            throw new InvalidInput("title", "must have at most " + MAX_TITLE + " characters");
        }
        return t;
    }

    private static String body(String body, String field) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInput(field, "must have at most " + MAX_BODY + " characters");
        }
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new InvalidInput(
                        field,
                        "{{" + m.group(1) + "}} is not a placeholder; use {{" + String.join("}}, {{", PLACEHOLDERS)
                                + "}}");
            }
        }
        return body.strip();
    }

    /** A saved reply by id for whoever may use it, or empty. */
    public Optional<SavedReply> find(long id, long agentId) {
        return store.find(id).filter(r -> r.shared() || r.ownerId() == agentId);
    }
}
