package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.common.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent can take work when they are active, online and within their working hours (if they have any). */
class WorkingHoursTests {

    private static AgentView agent(Presence presence, boolean active, WorkingHours hours) {
        return new AgentView(
                1,
                "a@desk.io",
                "Ada",
                Role.AGENT,
                List.of(),
                List.of(),
                List.of(),
                1,
                10,
                presence,
                active,
                Instant.EPOCH,
                Instant.EPOCH,
                2,
                hours);
    }

    private static final WorkingHours BERLIN_DAYS =
            new WorkingHours(" Europe/Berlin ", Map.of("Mon", List.of(" 09:00-17:00 "), "tue", List.of("09:00-17:00")));

    @Test
    void availabilityNeedsPresenceAndWorkingHours() {
        Instant mondayNoonBerlin = Instant.parse("2026-11-30T11:00:00Z");
        Instant mondayNightBerlin = Instant.parse("2026-11-30T20:00:00Z");
        assertThat(agent(Presence.ONLINE, true, BERLIN_DAYS).availableAt(mondayNoonBerlin))
                .isTrue();
        assertThat(agent(Presence.ONLINE, true, BERLIN_DAYS).availableAt(mondayNightBerlin))
                .isFalse();
        assertThat(agent(Presence.AWAY, true, BERLIN_DAYS).availableAt(mondayNoonBerlin))
                .isFalse();
        assertThat(agent(Presence.ONLINE, false, null).availableAt(mondayNoonBerlin))
                .isFalse();
        assertThat(agent(Presence.ONLINE, true, null).availableAt(mondayNightBerlin))
                .as("no hours: any time")
                .isTrue();
    }

    @Test
    void hoursAreStoredAsWrittenAndReadBackTheSame() {
        String stored = BERLIN_DAYS.toStored();
        assertThat(stored).isEqualTo("mon=09:00-17:00;tue=09:00-17:00");
        WorkingHours read = WorkingHours.fromStored("Europe/Berlin", stored);
        assertThat(read.hours()).isEqualTo(Map.of("mon", List.of("09:00-17:00"), "tue", List.of("09:00-17:00")));
        assertThat(WorkingHours.fromStored(null, null)).isNull();
    }

    @Test
    void hoursThatCannotBeReadAreRefusedNamingThePart() {
        java.util.Map<String, List<String>> withNull = new java.util.HashMap<>();
        withNull.put("mon", null);
        assertThatThrownBy(() -> new WorkingHours(null, withNull).calendar())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("timezone");
        assertThatThrownBy(() -> new WorkingHours("UTC", Map.of("mon", List.of("late"))).calendar())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("hours.mon");
    }
}
