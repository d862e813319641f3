package io.rapport.accounts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.rapport.common.BusinessCalendar;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When an agent works: a time zone and opening hours per weekday ({@code mon}..{@code sun}, "09:00-17:00"), as an SLA
 * calendar is written. Routing offers work only within them.
 */
public record WorkingHours(
        @NotNull String timezone, @NotNull Map<String, List<String>> hours) {

    public WorkingHours {
        Map<String, List<String>> normalized = new LinkedHashMap<>();
        if (hours != null) {
            hours.forEach((day, intervals) -> normalized.put(
                    day == null ? "" : day.strip().toLowerCase(java.util.Locale.ROOT),
                    intervals == null
                            ? List.of()
                            : intervals.stream()
                                    .map(i -> i == null ? "" : i.strip())
                                    .toList()));
        }
        hours = java.util.Collections.unmodifiableMap(normalized);
    }

    /** The calendar these hours make; refused naming the part when they cannot be read. */
    @JsonIgnore
    public BusinessCalendar calendar() {
        return BusinessCalendar.of(timezone, hours, List.of());
    }

    @JsonIgnore
    public boolean isWorking(Instant at) {
        return calendar().isOpen(at);
    }

    /** "mon=09:00-12:00,13:00-17:00;tue=..." as stored. */
    @JsonIgnore
    public String toStored() {
        StringBuilder s = new StringBuilder();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            List<String> intervals = hours.get(day);
            if (intervals != null && !intervals.isEmpty()) {
                s.append(s.isEmpty() ? "" : ";").append(day).append('=').append(String.join(",", intervals));
            }
        }
        return s.toString();
    }

    /** The hours as stored; null when none are set. */
    public static WorkingHours fromStored(String timezone, String stored) {
        if (timezone == null || stored == null) {
            return null;
        }
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (String day : stored.split(";")) {
            String[] parts = day.split("=", 2);
            if (parts.length == 2) {
                hours.put(parts[0], List.of(parts[1].split(",")));
            }
        }
        return new WorkingHours(timezone, hours);
    }
}
