package io.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way in a path belongs to, as the filter chains see it. */
class AreaTests {

    @Test
    void aPatternTakesItsBaseAndEverythingUnderIt() {
        assertThat(Area.of("/api")).isEqualTo(Area.API);
        assertThat(Area.of("/api/v1/tickets/7")).isEqualTo(Area.API);
        assertThat(Area.of("/actuator/health")).isEqualTo(Area.API);
        assertThat(Area.of("/portal")).isEqualTo(Area.CUSTOMER);
        assertThat(Area.of("/portal/tickets/2875")).isEqualTo(Area.CUSTOMER);
    }

    @Test
    void aLongerNameIsNotUnderThePattern() {
        assertThat(Area.of("/apis")).isEqualTo(Area.STAFF);
        assertThat(Area.of("/portals/x")).isEqualTo(Area.STAFF);
        assertThat(Area.of("/tickets/2875")).isEqualTo(Area.STAFF);
        assertThat(Area.of("/")).isEqualTo(Area.STAFF);
        assertThat(Area.STAFF.contains("/admin")).isTrue();
        assertThat(Area.API.contains("/admin")).isFalse();
    }
}
