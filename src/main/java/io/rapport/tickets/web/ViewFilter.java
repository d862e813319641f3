package io.rapport.tickets.web;

import io.rapport.common.Codes;
import io.rapport.common.InvalidInput;
import io.rapport.tickets.Channel;
import io.rapport.tickets.Outcome;
import io.rapport.tickets.Priority;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an agent narrowed a list to, carried in one address parameter {@code f} so that a filtered list can be
 * bookmarked, shared and saved as a view: {@code status:new,open;priority:urgent;tag:vip;assignee:me;created:2026-11-01..}.
 * Keys: status, priority, channel, outcome, language, tag, assignee (me, none or an id), team (an id or none),
 * organization (an id), customer (an email address), created and updated (from..to, UTC days, either end open).
 */
public record ViewFilter(
        Set<TicketStatus> statuses,
        Set<Priority> priorities,
        Set<Channel> channels,
        Set<Outcome> outcomes,
        Set<String> languages,
        Set<String> tags,
        String assignee,
        String team,
        Long organization,
        String customer,
        LocalDate createdFrom,
        LocalDate createdTo,
        LocalDate updatedFrom,
        LocalDate updatedTo) {

    static final ViewFilter NONE = new ViewFilter(
            Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, null);

    static final int MAX_LENGTH = 2000;

    public boolean isEmpty() {
        return format().isEmpty();
    }

    /** The ticket fields of the filter, as the query takes them. */
    public TicketFilter ticketFilter() {
        return new TicketFilter(
                priorities, channels, outcomes, languages, tags, createdFrom, createdTo, updatedFrom, updatedTo);
    }

    public boolean has(Object value) {
        return statuses.contains(value)
                || priorities.contains(value)
                || channels.contains(value)
                || outcomes.contains(value);
    }

    public String languagesText() {
        return String.join(", ", languages);
    }

    public String tagsText() {
        return String.join(", ", tags);
    }

    /** The filter as its address parameter (empty for none). */
    public String format() {
        List<String> parts = new ArrayList<>();
        add(parts, "status", statuses.stream().map(TicketStatus::code).toList());
        add(parts, "priority", priorities.stream().map(Priority::code).toList());
        add(parts, "channel", channels.stream().map(Channel::code).toList());
        add(parts, "outcome", outcomes.stream().map(Outcome::code).toList());
        add(parts, "language", List.copyOf(languages));
        add(parts, "tag", List.copyOf(tags));
        add(parts, "assignee", assignee == null ? List.of() : List.of(assignee));
        add(parts, "team", team == null ? List.of() : List.of(team));
        add(parts, "organization", organization == null ? List.of() : List.of(String.valueOf(organization)));
        add(parts, "customer", customer == null ? List.of() : List.of(customer));
        if (createdFrom != null || createdTo != null) {
            parts.add("created:" + range(createdFrom, createdTo));
        }
        if (updatedFrom != null || updatedTo != null) {
            parts.add("updated:" + range(updatedFrom, updatedTo));
        }
        return String.join(";", parts);
    }

    private static void add(List<String> parts, String key, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(key + ":" + String.join(",", values.stream().sorted().toList()));
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
    }

    /** Reads the address parameter; anything it cannot read is refused naming {@code f}, so no list lies. */
    static ViewFilter parse(String f) {
        if (f == null || f.isBlank()) {
            return NONE;
        }
        if (f.length() > MAX_LENGTH) {
            throw new InvalidInput("f", "is longer than a filter can be");
        }
        Builder b = new Builder();
        for (String part : f.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInput("f", "has a part without a name: " + part);
            }
            String key = part.substring(0, colon).strip();
            List<String> values = Arrays.stream(part.substring(colon + 1).split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
            b.set(key, values);
        }
        return b.build();
    }

    /** Collects a filter from form fields or the address parameter, checking each value. */
    static final class Builder {
        private final Set<TicketStatus> statuses = new TreeSet<>();
        private final Set<Priority> priorities = new TreeSet<>();
        private final Set<Channel> channels = new TreeSet<>();
        private final Set<Outcome> outcomes = new TreeSet<>();
        private final Set<String> languages = new TreeSet<>();
        private final Set<String> tags = new TreeSet<>();
        private String assignee;
        private String team;
        private Long organization;
        private String customer;
        private LocalDate createdFrom;
        private LocalDate createdTo;
        private LocalDate updatedFrom;
        private LocalDate updatedTo;

        Builder set(String key, List<String> values) {
            switch (key) {
                case "status" -> values.forEach(v -> statuses.add(Codes.parse(TicketStatus.class, v, "status")));
                case "priority" -> values.forEach(v -> priorities.add(Codes.parse(Priority.class, v, "priority")));
                case "channel" -> values.forEach(v -> channels.add(Codes.parse(Channel.class, v, "channel")));
                case "outcome" -> values.forEach(v -> outcomes.add(Codes.parse(Outcome.class, v, "outcome")));
                case "language" -> values.forEach(v -> languages.add(language(v)));
                case "tag" -> values.forEach(v -> tags.add(v.toLowerCase(Locale.ROOT)));
                case "assignee" -> assignee = one(values, "assignee", "me|none|[1-9]\\d{0,17}");
                case "team" -> team = one(values, "team", "none|[1-9]\\d{0,17}");
                case "organization" -> {
                    String id = one(values, "organization", "[1-9]\\d{0,17}");
                    organization = id == null ? null : Long.valueOf(id);
                }
                case "customer" -> customer = one(values, "customer", "[^@\\s]+@[^@\\s]+");
                case "created" -> {
                    LocalDate[] range = range(values, "created");
                    createdFrom = range[0];
                    createdTo = range[1];
                }
                case "updated" -> {
                    LocalDate[] range = range(values, "updated");
                    updatedFrom = range[0];
                    updatedTo = range[1];
                }
                default -> throw new InvalidInput("f", "has an unknown part: " + key);
            }
            return this;
        }

        Builder dates(String key, String from, String to) {
            if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
                return this;
            }
            return set(key, List.of((from == null ? "" : from.strip()) + ".." + (to == null ? "" : to.strip())));
        }

        ViewFilter build() {
            return new ViewFilter(
                    Set.copyOf(statuses),
                    Set.copyOf(priorities),
                    Set.copyOf(channels),
                    Set.copyOf(outcomes),
                    Set.copyOf(languages),
                    Set.copyOf(tags),
                    assignee,
                    team,
                    organization,
                    customer,
                    createdFrom,
                    createdTo,
                    updatedFrom,
                    updatedTo);
        }

        private static String language(String value) {
            String code = value.toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2}")) {
                throw new InvalidInput("language", "must be two-letter language codes such as en, de");
            }
            return code;
        }

        private static String one(List<String> values, String field, String pattern) {
            if (values.isEmpty()) {
                return null;
            }
            String value = values.getFirst().toLowerCase(Locale.ROOT);
            if (values.size() > 1 || !value.matches(pattern)) {
                throw new InvalidInput(field, "cannot filter by " + String.join(",", values));
            }
            return value;
        }

        private static LocalDate[] range(List<String> values, String field) {
            String value = String.join(",", values);
            int dots = value.indexOf("..");
            try {
                String from = dots < 0 ? value : value.substring(0, dots);
                String to = dots < 0 ? value : value.substring(dots + 2);
                LocalDate[] range = {
                    from.isBlank() ? null : LocalDate.parse(from.strip()),
                    to.isBlank() ? null : LocalDate.parse(to.strip())
                };
                if (range[0] != null && range[1] != null && range[1].isBefore(range[0])) {
                    throw new InvalidInput(field, "ends before it starts");
                }
                for (LocalDate day : range) {
                    if (day != null && (day.getYear() < 1900 || day.getYear() > 9998)) {
                        throw new InvalidInput(field, "must be dates between the years 1900 and 9998");
                    }
                }
                return range;
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "must be dates such as 2026-11-29");
            }
        }
    }

    /** Form values as a set of codes: "high", "urgent" → the priorities. */
    static Set<String> strings(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
