package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wallet.benchmark.sample.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepSecondsTest {

    @Test
    void shouldSummarizeEachStepsSecondsLeavingOutItsFirstAndNameWhatWasBusyInADisturbedOne() {
        final List<Sample> series = List.of(
                second("idle", 500, 0.1, 0.1),
                second("pipeline-2500", 900, 0.1, 0.1),   // the partial first second: left out
                second("pipeline-2500", 100, 0.2, 0.3),
                second("pipeline-2500", 110, 0.2, 0.3),
                second("pipeline-2500", 150, 0.2, 0.9),   // disturbed: the saga above its median
                new Sample(5, "pipeline-2500", 0, null, 0, Map.of(), Map.of()),   // no outcomes: not a second
                second("pipeline-2500", 105, 0.2, 0.3),
                second("pipeline-5000", 300, 0.4, 0.4));  // only its first second: no summary

        final List<StepSeconds> steps = StepSeconds.of(series, 100);

        assertThat(steps).hasSize(1);
        final StepSeconds step = steps.get(0);
        assertThat(step.step()).isEqualTo("pipeline-2500");
        assertThat(step.seconds()).isEqualTo(4);
        // p99s 100, 110, 150, 105: the median of an even count is the mean of the middle two.
        assertThat(step.p99MsMedian()).isEqualTo(107.5);
        assertThat(step.p99MsBest()).isEqualTo(100);
        assertThat(step.p99MsWorst()).isEqualTo(150);
        assertThat(step.p50MsMedian()).isEqualTo(50);
        // Over 100 ms: 110, 150 and 105, not 100 itself.
        assertThat(step.secondsOver()).isEqualTo(3);
        // Disturbed: 150 >= 1.2 x 107.5; 110 is not.
        assertThat(step.disturbed()).isEqualTo(1);
        assertThat(step.busiestAboveMedian()).containsExactly(Map.entry("saga-orchestrator", 1));
        // The stack's cores: 0.2 + 0.9 in the disturbed second, 0.2 + 0.3 in each of the three others.
        assertThat(step.coresDisturbed()).isCloseTo(1.1, within(1e-9));
        assertThat(step.coresOthers()).isCloseTo(0.5, within(1e-9));
        assertThat(step.describe()).endsWith("the stack's cores 1.10 in them, 0.50 in the others");
    }

    @Test
    void shouldCountNoCoresForDisturbedSecondsWhenNoneWas() {
        final List<Sample> series = List.of(
                second("pipeline-1000", 900, 0.1, 0.1),   // the partial first second: left out
                second("pipeline-1000", 100, 0.2, 0.3),
                second("pipeline-1000", 100, 0.4, 0.3));

        final StepSeconds step = StepSeconds.of(series, 100).get(0);

        assertThat(step.disturbed()).isZero();
        assertThat(step.coresDisturbed()).isZero();
        assertThat(step.coresOthers()).isCloseTo(0.6, within(1e-9));
    }

    private static Sample second(final String step, final double p99Ms, final double processorCores,
                                 final double sagaCores) {
        return new Sample(0, step, 1_000, new Sample.Latency(50, p99Ms, p99Ms + 5), 0,
                Map.of("account-processor", processorCores, "saga-orchestrator", sagaCores), Map.of());
    }
}
