package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldReadPercentilesInMillisecondsFromMicroseconds() {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        for (long ms = 1; ms <= 1_000; ms++) {
            micros.recordValue(ms * 1_000);
        }

        final LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.count()).isEqualTo(1_000);
        // Three significant digits: every figure within 0.1% of the exact one.
        assertThat(summary.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(summary.p90Ms()).isCloseTo(900, within(0.9));
        assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(summary.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1_000, within(1.0));
        assertThat(summary.curve()).hasSize(LatencySummary.CURVE_PERCENTILES.length);
        assertThat(summary.curve().get(summary.curve().size() - 1).latencyMs()).isEqualTo(summary.maxMs());
    }

    @Test
    void shouldSeeOneSlowOutlierOnlyAtTheTop() {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        micros.recordValueWithCount(2_000, 9_999);
        micros.recordValue(5_000_000);

        final LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.p99Ms()).isCloseTo(2, within(0.01));
        assertThat(summary.p999Ms()).isCloseTo(2, within(0.01));
        assertThat(summary.maxMs()).isCloseTo(5_000, within(5.0));
    }

    @Test
    void shouldGiveZerosForAnEmptyStep() {
        final LatencySummary summary = LatencySummary.of(new Histogram(3));

        assertThat(summary.count()).isZero();
        assertThat(summary.p99Ms()).isZero();
        assertThat(summary.maxMs()).isZero();
    }
}
