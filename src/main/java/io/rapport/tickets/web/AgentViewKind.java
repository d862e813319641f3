package io.rapport.tickets.web;

import io.rapport.accounts.AgentView;
import io.rapport.common.PageRequest;
import io.rapport.tickets.TicketQuery;
import io.rapport.tickets.TicketStatus;
import java.util.EnumSet;

/** The agent workspace's ticket views: what each shows. */
enum AgentViewKind {
    MINE,
    UNASSIGNED,
    TEAM,
    OPEN,
    PENDING,
    SOLVED,
    ALL;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static AgentViewKind of(String code) {
        for (AgentViewKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return MINE;
    }

    TicketQuery query(AgentView me, String text, String sort, PageRequest page) {
        TicketQuery all = TicketQuery.all(page).withText(text).sortedBy(sort);
        return switch (this) {
            case MINE -> all.withStatuses(TicketStatus.ACTIVE).withAssignee(me.id());
            case UNASSIGNED ->
                all.withStatuses(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN))
                        .unassignedOnly();
            case TEAM -> all.withStatuses(TicketStatus.ACTIVE).withTeams(me.teamIds());
            case OPEN -> all.withStatuses(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN));
            case PENDING -> all.withStatuses(EnumSet.of(TicketStatus.PENDING));
            case SOLVED -> all.withStatuses(EnumSet.of(TicketStatus.SOLVED));
            case ALL -> all;
        };
    }
}
