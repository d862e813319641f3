package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.AgentRepository;
import io.rapport.accounts.internal.ApiTokenRepository;
import io.rapport.accounts.internal.TeamRepository;
import io.rapport.common.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as an admin reads it: newest first, one kind of subject or all, each subject named as it is called
 * now (a renamed team shows its new name, the entry keeps the old one in "before").
 */
@Service
public class AccountLog {

    /** The kinds of subject the log holds, as the filter names them. */
    public static final List<String> KINDS = List.of("agent", "team", "token", "customer", "organization");

    public static final int MAX_PAGE = 200;

    /** A page of entries and, when there are older ones, the id to continue before. */
    public record Slice(List<AccountLogEntry> items, Long nextBefore) {}

    private final AccountAudit audit;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final ApiTokenRepository tokens;
    private final Customers customers;
    private final Organizations organizations;

    AccountLog(
            AccountAudit audit,
            AgentRepository agents,
            TeamRepository teams,
            ApiTokenRepository tokens,
            Customers customers,
            Organizations organizations) {
        this.audit = audit;
        this.agents = agents;
        this.teams = teams;
        this.tokens = tokens;
        this.customers = customers;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public Slice recent(String kind, Long before, int limit) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidInput("kind", "must be one of " + String.join(", ", KINDS));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<AccountAudit.Row> rows = audit.recent(kind, before, limit + 1);
        boolean more = rows.size() > limit;
        List<AccountAudit.Row> page = more ? rows.subList(0, limit) : rows;
        Map<String, Map<Long, String>> names = names(page);
        List<AccountLogEntry> items = page.stream()
                .map(r -> new AccountLogEntry(
                        r.id(),
                        r.createdAt(),
                        r.actorName(),
                        r.action(),
                        r.subjectType(),
                        r.subjectId(),
                        names.getOrDefault(r.subjectType(), Map.of()).getOrDefault(r.subjectId(), "#" + r.subjectId()),
                        r.field(),
                        r.before(),
                        r.after()))
                .toList();
        return new Slice(items, more ? page.getLast().id() : null);
    }

    private Map<String, Map<Long, String>> names(List<AccountAudit.Row> rows) {
        Map<String, Set<Long>> ids = rows.stream()
                .collect(Collectors.groupingBy(
                        AccountAudit.Row::subjectType,
                        Collectors.mapping(AccountAudit.Row::subjectId, Collectors.toSet())));
        Map<String, Map<Long, String>> names = new java.util.HashMap<>();
        ids.forEach((kind, these) -> names.put(
                kind,
                switch (kind) {
                    case "agent" -> byId(agents.findAllById(these).values(), AgentView::id, AgentView::name);
                    case "team" -> byId(teams.findAll(), TeamView::id, TeamView::name);
                    case "token" -> byId(tokens.findAll(), ApiTokenView::id, ApiTokenView::name);
                    case "customer" -> byId(customers.refs(these).values(), CustomerRef::id, CustomerRef::name);
                    case "organization" -> organizations.names(these);
                    default -> Map.of();
                }));
        return names;
    }

    private static <T> Map<Long, String> byId(
            java.util.Collection<T> items, Function<T, Long> id, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }
}
