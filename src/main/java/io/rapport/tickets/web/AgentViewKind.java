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
        return switch (this) {
            case MINE -> new TicketQuery(TicketStatus.ACTIVE, me.id(), false, null, null, text, null, sort, page);
            case UNASSIGNED ->
                new TicketQuery(
                        EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN),
                        null,
                        true,
                        null,
                        null,
                        text,
                        null,
                        sort,
                        page);
            case TEAM -> new TicketQuery(TicketStatus.ACTIVE, null, false, me.teamIds(), null, text, null, sort, page);
            case OPEN ->
                new TicketQuery(
                        EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN),
                        null,
                        false,
                        null,
                        null,
                        text,
                        null,
                        sort,
                        page);
            case PENDING ->
                new TicketQuery(EnumSet.of(TicketStatus.PENDING), null, false, null, null, text, null, sort, page);
            case SOLVED ->
                new TicketQuery(EnumSet.of(TicketStatus.SOLVED), null, false, null, null, text, null, sort, page);
            case ALL -> new TicketQuery(null, null, false, null, null, text, null, sort, page);
        };
    }
}
