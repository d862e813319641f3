package io.rapport.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic across weekends, holidays, breaks, time zones and daylight-saving changes. */
class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday, 9 to 5 in Berlin; 2026-12-25 (a Friday) is a holiday. */
    private static final BusinessCalendar OFFICE = BusinessCalendar.of(
            "Europe/Berlin",
            Map.of(
                    "mon", List.of("09:00-17:00"),
                    "tue", List.of("09:00-17:00"),
                    "wed", List.of("09:00-17:00"),
                    "thu", List.of("09:00-17:00"),
                    "fri", List.of("09:00-17:00")),
            List.of("2026-12-25"));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    @Test
    void timeWithinADayStaysOnThatDay() {
        assertThat(OFFICE.plus(berlin("2026-11-30T10:00"), hours(2))).isEqualTo(berlin("2026-11-30T12:00"));
        assertThat(OFFICE.plus(berlin("2026-11-30T10:00"), Duration.ZERO)).isEqualTo(berlin("2026-11-30T10:00"));
    }

    @Test
    void timeBeforeOpeningStartsAtOpeningAndTimeAfterClosingGoesOnTheNextDay() {
        assertThat(OFFICE.plus(berlin("2026-11-30T07:00"), hours(1))).isEqualTo(berlin("2026-11-30T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-30T16:00"), hours(2))).isEqualTo(berlin("2026-12-01T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-30T19:30"), hours(1))).isEqualTo(berlin("2026-12-01T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-30T09:00"), hours(8)))
                .as("a whole day ends at closing, not the next morning")
                .isEqualTo(berlin("2026-11-30T17:00"));
    }

    @Test
    void theWeekendAndHolidaysDoNotCount() {
        assertThat(OFFICE.plus(berlin("2026-12-04T16:00"), hours(2)))
                .as("Friday to Monday")
                .isEqualTo(berlin("2026-12-07T10:00"));
        assertThat(OFFICE.plus(berlin("2026-12-24T16:00"), hours(2)))
                .as("Christmas Eve, Christmas on Friday")
                .isEqualTo(berlin("2026-12-28T10:00"));
        assertThat(OFFICE.plus(berlin("2026-12-05T11:00"), hours(1)))
                .as("asked on a Saturday")
                .isEqualTo(berlin("2026-12-07T10:00"));
        assertThat(OFFICE.plus(berlin("2026-12-07T09:00"), hours(40)))
                .as("a working week")
                .isEqualTo(berlin("2026-12-11T17:00"));
    }

    @Test
    void aLunchBreakDoesNotCount() {
        BusinessCalendar withLunch =
                BusinessCalendar.of("Europe/Berlin", Map.of("mon", List.of("13:00-17:00", "09:00-12:00")), List.of());
        assertThat(withLunch.plus(berlin("2026-11-30T11:00"), hours(2))).isEqualTo(berlin("2026-11-30T14:00"));
        assertThat(withLunch.plus(berlin("2026-11-30T12:30"), hours(1))).isEqualTo(berlin("2026-11-30T14:00"));
        assertThat(withLunch.isOpen(berlin("2026-11-30T12:30"))).isFalse();
        assertThat(withLunch.isOpen(berlin("2026-11-30T13:00"))).isTrue();
        assertThat(withLunch.plus(berlin("2026-11-30T16:00"), hours(2)))
                .as("next Monday")
                .isEqualTo(berlin("2026-12-07T10:00"));
    }

    @Test
    void theCalendarsTimeZoneDecidesWhatADayIs() {
        Instant utcMorning = Instant.parse("2026-11-30T07:30:00Z"); // 08:30 in Berlin, 02:30 in New York
        assertThat(OFFICE.plus(utcMorning, hours(1))).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        BusinessCalendar newYork = BusinessCalendar.of("America/New_York", Map.of("mon", List.of("09:00-17:00")), null);
        assertThat(newYork.plus(utcMorning, hours(1))).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(OFFICE.zone()).isEqualTo(BERLIN);
    }

    @Test
    void daylightSavingChangesAreHonoured() {
        BusinessCalendar allDay = BusinessCalendar.of(
                "Europe/Berlin",
                Map.of("sat", List.of("00:00-24:00"), "sun", List.of("00:00-24:00"), "mon", List.of("00:00-24:00")),
                List.of());
        // spring: 2026-03-29 has 23 hours; three hours from 23:00 on Saturday is 03:00 summer time
        assertThat(allDay.plus(berlin("2026-03-28T23:00"), hours(3))).isEqualTo(berlin("2026-03-29T03:00"));
        assertThat(allDay.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(hours(23));
        // autumn: 2026-10-25 has 25 hours
        assertThat(allDay.plus(berlin("2026-10-25T00:00"), hours(24))).isEqualTo(berlin("2026-10-25T23:00"));
        assertThat(allDay.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                .isEqualTo(hours(25));
        // an opening time inside the spring gap moves on by the gap, as the clocks do: 02:30 becomes 03:30
        BusinessCalendar early = BusinessCalendar.of("Europe/Berlin", Map.of("sun", List.of("02:30-05:00")), null);
        assertThat(early.plus(berlin("2026-03-29T00:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-29T03:30"));
        assertThat(early.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void businessTimeBetweenTwoInstantsIsTheInverseOfAddingIt() {
        assertThat(OFFICE.between(berlin("2026-12-04T16:00"), berlin("2026-12-07T10:00")))
                .isEqualTo(hours(2));
        assertThat(OFFICE.between(berlin("2026-12-07T10:00"), berlin("2026-12-04T16:00")))
                .isZero();
        Instant start = berlin("2026-12-03T14:17");
        for (long minutes : new long[] {0, 1, 59, 163, 480, 481, 2400, 10_000}) {
            Duration work = Duration.ofMinutes(minutes);
            assertThat(OFFICE.between(start, OFFICE.plus(start, work)))
                    .as(work.toString())
                    .isEqualTo(work);
        }
    }

    @Test
    void alwaysOpenIsPlainElapsedTime() {
        Instant at = Instant.parse("2026-03-28T22:00:00Z");
        assertThat(BusinessCalendar.always().plus(at, hours(30))).isEqualTo(at.plus(hours(30)));
        assertThat(BusinessCalendar.always().isOpen(at)).isTrue();
    }

    @Test
    void aCalendarThatCannotBeReadSaysWhichPart() {
        assertThatThrownBy(() -> BusinessCalendar.of("Mars/Olympus", Map.of("mon", List.of("09:00-17:00")), null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("timezone");
        for (String bad : List.of("9-17", "17:00-09:00", "09:00-25:00", "09:60-10:00", "09:00", "")) {
            assertThatThrownBy(() -> BusinessCalendar.of("UTC", Map.of("mon", List.of(bad)), null))
                    .as(bad)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("hours.mon");
        }
        assertThatThrownBy(() -> BusinessCalendar.of("UTC", Map.of("mon", List.of("09:00-12:00", "11:00-13:00")), null))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessCalendar.of("UTC", Map.of("someday", List.of("09:00-17:00")), null))
                .hasMessageContaining("hours");
        assertThatThrownBy(() -> BusinessCalendar.of("UTC", Map.of(), null)).hasMessageContaining("at least one hour");
        assertThatThrownBy(() -> BusinessCalendar.of("UTC", Map.of("mon", List.of("09:00-17:00")), List.of("Xmas")))
                .hasMessageContaining("holidays");
    }
}
