package io.rapport.tickets.web;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.TeamView;
import io.rapport.tickets.AuditEntry;
import io.rapport.tickets.AuthorType;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Visibility;
import io.rapport.web.PageErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ticket's activity as a person would tell it, newest first: "Team: none → Cards & Payments", "Status: New →
 * Open", who replied and who wrote a note. Ids and codes become names and words in the page's language.
 */
final class Activity {

    /** One line: who, what (in words), when, and its kind for the filter (change, reply, note, customer). */
    record Line(String who, String what, Instant at, String kind) {}

    private Activity() {}

    static List<Line> of(
            TicketView ticket, List<AuditEntry> audit, List<AgentView> agents, List<TeamView> teams, PageErrors text) {
        Map<String, String> agentNames =
                agents.stream().collect(Collectors.toMap(a -> String.valueOf(a.id()), AgentView::name, (a, b) -> a));
        Map<String, String> teamNames =
                teams.stream().collect(Collectors.toMap(t -> String.valueOf(t.id()), TeamView::name, (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        for (AuditEntry e : audit) {
            if (e.field() == null) {
                lines.add(new Line(
                        e.actor().name(),
                        text.text("activity." + e.action(), e.before(), e.after()),
                        e.createdAt(),
                        "change"));
                continue;
            }
            Function<String, String> word = value -> value(e.field(), value, agentNames, teamNames, text);
            lines.add(new Line(
                    e.actor().name(),
                    text.text(
                            "activity.change",
                            text.text("activity.field." + e.field()),
                            word.apply(e.before()),
                            word.apply(e.after())),
                    e.createdAt(),
                    "change"));
        }
        if (ticket.messages() != null) {
            for (MessageView m : ticket.messages()) {
                String kind = m.author().type() == AuthorType.CUSTOMER
                        ? "customer"
                        : m.visibility() == Visibility.INTERNAL ? "note" : "reply";
                lines.add(new Line(m.author().name(), text.text("activity." + kind), m.createdAt(), kind));
            }
        }
        lines.sort(Comparator.comparing(Line::at).reversed());
        return lines;
    }

    private static String value(
            String field, String value, Map<String, String> agents, Map<String, String> teams, PageErrors text) {
        if (value == null || value.isEmpty()) {
            return text.text("activity.none");
        }
        return switch (field) {
            case "status" -> text.text("status." + value);
            case "priority" -> text.text("priority." + value);
            case "outcome" -> text.text("outcome." + value);
            case "assignee" -> agents.getOrDefault(value, value);
            case "team" -> teams.getOrDefault(value, value);
            case "tags" -> value.replace(",", ", ");
            default -> value;
        };
    }
}
