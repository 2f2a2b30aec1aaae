package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagSummaryTest {

    @Test
    void shouldCallALagThatRisesFasterThanOnePercentOfThroughputGrowing() {
        final List<double[]> lag = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            lag.add(new double[] {s, 500.0 * s});
        }

        final LagSummary summary = LagSummary.of(lag, 10_000);

        assertThat(summary.slopePerSecond()).isEqualTo(500.0);
        assertThat(summary.growing()).isTrue();
        assertThat(summary.maxRecords()).isEqualTo(14_500);
        assertThat(summary.lastRecords()).isEqualTo(14_500);
    }

    @Test
    void shouldCallABoundedSawtoothLagKeepingUp() {
        final List<double[]> lag = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            lag.add(new double[] {s, s % 2 == 0 ? 4_000 : 200});
        }

        final LagSummary summary = LagSummary.of(lag, 10_000);

        assertThat(summary.growing()).isFalse();
        assertThat(summary.maxRecords()).isEqualTo(4_000);
    }

    @Test
    void shouldLeaveUnknownSamplesOut() {
        final LagSummary summary = LagSummary.of(List.of(new double[] {0, -1}, new double[] {1, -1}), 100);

        assertThat(summary.samples()).isZero();
        assertThat(summary.maxRecords()).isEqualTo(-1);
        assertThat(summary.growing()).isFalse();
    }
}
