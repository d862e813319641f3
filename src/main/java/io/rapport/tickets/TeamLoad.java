package io.rapport.tickets;

import io.rapport.tickets.internal.TicketRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors need to spread the work (issue 9, point 6): tickets in play per agent, and unassigned tickets
 * waiting per team with the oldest one's age. No speed figures: nothing here ranks agents.
 */
@Service
public class TeamLoad {

    /** Unassigned tickets of a team (null: of no team) waiting for someone. */
    public record Waiting(Long teamId, long count, Instant oldest) {}

    private final TicketRepository tickets;

    TeamLoad(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> activeByAgent() {
        return tickets.activeByAssignee();
    }

    /**
     * Tickets in play of these agents ({@code chatsOnly}: their chats, what their chat capacity is measured against);
     * agents without any are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> activeOf(java.util.Collection<Long> agentIds, boolean chatsOnly) {
        return tickets.activeByAssignee(agentIds, chatsOnly ? Channel.CHAT : null);
    }

    @Transactional(readOnly = true)
    public List<Waiting> waitingByTeam() {
        return tickets.waitingByTeam().stream()
                .map(w -> new Waiting(w.teamId(), w.count(), w.oldest()))
                .toList();
    }
}
