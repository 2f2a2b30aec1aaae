package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.sample.JvmPerfData.GcTotals;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void shouldCountThePausesOfTheStepAndTheirShareOfIt() {
        final GcPauses pauses = GcPauses.between(new GcTotals(100, 2_000_000_000L), new GcTotals(140, 2_600_000_000L),
                30);

        assertThat(pauses).isEqualTo(new GcPauses(40, 0.6, 0.02, 15.0));
    }

    @Test
    void shouldGiveNoMeanWithoutPauses() {
        assertThat(GcPauses.between(new GcTotals(7, 5_000L), new GcTotals(7, 5_000L), 10))
                .isEqualTo(new GcPauses(0, 0, 0, 0));
    }

    @Test
    void shouldGiveNothingWhenAReadingIsMissingOrTheCountersWentBack() {
        final GcTotals some = new GcTotals(10, 1_000_000L);
        assertThat(GcPauses.between(null, some, 10)).isNull();
        assertThat(GcPauses.between(some, null, 10)).isNull();
        // Another JVM under the same name (a restarted service) starts its counters from zero.
        assertThat(GcPauses.between(some, new GcTotals(2, 2_000_000L), 10)).isNull();
        assertThat(GcPauses.between(some, new GcTotals(12, 500_000L), 10)).isNull();
    }
}
