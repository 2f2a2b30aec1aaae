package dev.wallet.saga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Index keys sort in end-time order, and the cutoff bound excludes sagas ending at the cutoff itself. */
class EndedIndexTest {

    @Test
    void shouldSortKeysByEndTimeAcrossDigitCounts() {
        assertThat(EndedIndex.key(999, "b")).isLessThan(EndedIndex.key(1_000, "a"));
        assertThat(EndedIndex.key(1_763_798_400_000L, "z")).isLessThan(EndedIndex.key(1_763_798_400_001L, "a"));
    }

    @Test
    void shouldPlaceEarlierEndsBelowCutoffAndTheCutoffItselfAbove() {
        final long cutoffMs = 1_763_798_400_000L;

        assertThat(EndedIndex.key(cutoffMs - 1, "tx")).isLessThanOrEqualTo(EndedIndex.before(cutoffMs));
        assertThat(EndedIndex.key(cutoffMs, "tx")).isGreaterThan(EndedIndex.before(cutoffMs));
        assertThat(EndedIndex.first()).isLessThanOrEqualTo(EndedIndex.key(0, "tx"));
    }

    @Test
    void shouldRefuseTimesBeforeTheEpoch() {
        assertThatThrownBy(() -> EndedIndex.key(-1, "tx")).isInstanceOf(IllegalArgumentException.class);
    }
}
