package io.rapport.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Open gaps travel in the index's commit as ranges, and come back as the same ids. */
class GapRangesTests {

    @Test
    void idsBecomeRangesAndBack() {
        Set<Long> ids = Set.of(4L, 5L, 6L, 9L, 12L, 13L);
        assertThat(SearchIndex.ranges(ids)).isEqualTo("4-6,9,12-13");
        assertThat(SearchIndex.ranges("4-6,9,12-13")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(SearchIndex.ranges(Set.of())).isEmpty();
        assertThat(SearchIndex.ranges("")).isEmpty();
    }
}
