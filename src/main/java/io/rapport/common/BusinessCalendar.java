package io.rapport.common;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a support team works: opening hours per weekday (one or more intervals, "09:00-12:00", "13:00-17:00"; "24:00"
 * ends a day), holidays, and the time zone they are meant in. SLA targets count business time on it: a first answer
 * due in 4 business hours from Friday 16:00 is due on Monday at 11:00 when the team works 9 to 5.
 *
 * <p>Days are taken in the calendar's time zone, so daylight-saving changes are honoured: a day from 00:00 to 24:00
 * has 23 or 25 hours when the clocks change, and an opening time that does not exist that night (02:30 in spring) moves
 * on by the length of the gap (to 03:30), as the clocks do. Immutable; safe to share between threads.
 */
public final class BusinessCalendar {

    /** The longest stretch without any open hour that {@link #plus} looks across before giving up: ten years. */
    private static final int MAX_CLOSED_DAYS = 3660;

    /** Minutes of the day, [open, close) with close up to 1440 (24:00). */
    private record Interval(int open, int close) {}

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> hours;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> hours, Set<LocalDate> holidays) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
    }

    /** Open every hour of every day, in UTC: business time is plain elapsed time. */
    public static BusinessCalendar always() {
        Map<String, List<String>> hours = new java.util.HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(code(day), List.of("00:00-24:00"));
        }
        return of("UTC", hours, List.of());
    }

    /**
     * A calendar as people write it: a time zone ("Europe/Berlin"), hours per weekday ({@code mon}..{@code sun}, each a
     * list of "HH:MM-HH:MM"; a day left out is closed) and holidays ("2026-12-25"). Refused, naming the field, when a
     * part cannot be read or no hour of the week is open.
     */
    public static BusinessCalendar of(String timezone, Map<String, List<String>> hours, Collection<String> holidays) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null ? "" : timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone", "must be a time zone such as Europe/Berlin or UTC");
        }
        Map<DayOfWeek, List<Interval>> open = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            open.put(day, List.of());
        }
        if (hours != null) {
            for (Map.Entry<String, List<String>> entry : hours.entrySet()) {
                DayOfWeek day = day(entry.getKey());
                open.put(day, intervals(code(day), entry.getValue()));
            }
        }
        if (open.values().stream().allMatch(List::isEmpty)) {
            throw new InvalidInput("hours", "must open at least one hour of the week");
        }
        Set<LocalDate> closed = new TreeSet<>();
        for (String holiday : holidays == null ? List.<String>of() : holidays) {
            try {
                closed.add(LocalDate.parse(holiday == null ? "" : holiday.strip()));
            } catch (DateTimeParseException e) {
                throw new InvalidInput("holidays", "must be dates such as 2026-12-25");
            }
        }
        return new BusinessCalendar(zone, open, Set.copyOf(closed));
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether the team works at this instant. */
    public boolean isOpen(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        for (Interval interval : open(date)) {
            if (!at.isBefore(start(date, interval)) && at.isBefore(end(date, interval))) {
                return true;
            }
        }
        return false;
    }

    /** The instant at which {@code work} of business time has passed since {@code from}. */
    public Instant plus(Instant from, Duration work) {
        if (work.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + work);
        }
        long left = work.toNanos();
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; date = date.plusDays(1)) {
            List<Interval> intervals = open(date);
            if (intervals.isEmpty()) {
                closedDays++;
                continue;
            }
            closedDays = 0;
            for (Interval interval : intervals) {
                Instant end = end(date, interval);
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant begin = max(from, start(date, interval));
                long available = Duration.between(begin, end).toNanos();
                if (left <= available) {
                    return begin.plusNanos(left);
                }
                left -= available;
            }
        }
        throw new IllegalStateException("no open hour within " + MAX_CLOSED_DAYS + " days of " + from);
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long total = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : open(date)) {
                Instant begin = max(from, start(date, interval));
                Instant end = min(to, end(date, interval));
                if (end.isAfter(begin)) {
                    total += Duration.between(begin, end).toNanos();
                }
            }
        }
        return Duration.ofNanos(total);
    }

    private List<Interval> open(LocalDate date) {
        return holidays.contains(date) ? List.of() : hours.get(date.getDayOfWeek());
    }

    /** Local opening time on that date as an instant; a time in a daylight-saving gap moves on by the gap. */
    private Instant start(LocalDate date, Interval interval) {
        return at(date, interval.open());
    }

    private Instant end(LocalDate date, Interval interval) {
        return at(date, interval.close());
    }

    private Instant at(LocalDate date, int minute) {
        if (minute == 1440) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date.atTime(minute / 60, minute % 60), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static DayOfWeek day(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equals(c)) {
                return day;
            }
        }
        throw new InvalidInput("hours", "days are mon, tue, wed, thu, fri, sat and sun");
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /** "09:00-12:00", "13:00-17:00": sorted, each opening before it closes, none overlapping. */
    private static List<Interval> intervals(String day, List<String> texts) {
        List<Interval> intervals = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            String[] ends = text == null ? new String[0] : text.strip().split("-");
            if (ends.length != 2) {
                throw new InvalidInput("hours." + day, "write opening hours as 09:00-17:00");
            }
            Interval interval = new Interval(minute(day, ends[0]), minute(day, ends[1]));
            if (interval.close() <= interval.open()) {
                throw new InvalidInput("hours." + day, "each interval must open before it closes (" + text + ")");
            }
            intervals.add(interval);
        }
        intervals.sort(java.util.Comparator.comparingInt(Interval::open));
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).open() < intervals.get(i - 1).close()) {
                throw new InvalidInput("hours." + day, "intervals must not overlap");
            }
        }
        return List.copyOf(intervals);
    }

    private static int minute(String day, String text) {
        String t = text.strip();
        if (!t.matches("\\d{2}:\\d{2}")) {
            throw new InvalidInput("hours." + day, "write times as HH:MM, from 00:00 to 24:00");
        }
        int hour = Integer.parseInt(t.substring(0, 2));
        int minute = Integer.parseInt(t.substring(3));
        int total = hour * 60 + minute;
        if (minute > 59 || total > 1440) {
            throw new InvalidInput("hours." + day, "write times as HH:MM, from 00:00 to 24:00");
        }
        return total;
    }
}
