package io.rapport.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentLimitTests {

    @Test
    void labelsDoNotRoundALimitDown() {
        assertThat(AttachmentLimit.label(DataSize.ofMegabytes(25))).isEqualTo("25 MB");
        assertThat(AttachmentLimit.label(DataSize.ofKilobytes(1536))).isEqualTo("1.5 MB");
        assertThat(AttachmentLimit.label(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
    }

    @Test
    void theTotalLeavesRoomForTheTextFields() {
        var limit = new AttachmentLimit(DataSize.ofMegabytes(25), DataSize.ofMegabytes(100));
        assertThat(limit.totalBytes())
                .isLessThan(DataSize.ofMegabytes(100).toBytes())
                .isGreaterThan(limit.bytes());
    }
}
