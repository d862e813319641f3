package io.rapport.tickets;

import io.rapport.accounts.AgentView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who an internal note names with {@code @}: an active agent by full name ("@Maya Lindqvist") or by the part of their
 * address before the {@code @} ("@maya.lindqvist"), in any case. A name must end where a word ends, so "@Maya" does
 * not name "Maya Lindqvist" and "@Ann" does not name "Anna"; the longest name wins where two start alike.
 */
public final class Mentions {

    private Mentions() {}

    public static Set<Long> in(String text, List<AgentView> agents) {
        Set<Long> found = new LinkedHashSet<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (AgentView agent : agents) {
            if (!agent.active()) {
                continue;
            }
            candidates.add(new Candidate(agent.id(), agent.name().toLowerCase(Locale.ROOT)));
            String local =
                    agent.email().substring(0, agent.email().indexOf('@')).toLowerCase(Locale.ROOT);
            candidates.add(new Candidate(agent.id(), local));
        }
        candidates.sort(
                Comparator.comparingInt((Candidate c) -> c.name().length()).reversed());
        for (int at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
            if (at > 0 && isWordChar(lower.charAt(at - 1))) {
                continue; // an email address in the text, not a mention
            }
            for (Candidate c : candidates) {
                int end = at + 1 + c.name().length();
                if (lower.startsWith(c.name(), at + 1) && (end == lower.length() || !isWordChar(lower.charAt(end)))) {
                    found.add(c.agentId());
                    break;
                }
            }
        }
        return found;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private record Candidate(long agentId, String name) {}
}
