package dev.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.report.LagSummary;
import dev.wallet.benchmark.report.LatencySummary;
import dev.wallet.benchmark.report.StepResult;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void shouldNeverPassATargetThatWasNotMeasured() {
        final Map<String, Object> figures = Comparison.of(List.of(), null);

        assertThat(figures.get("target_pipeline_25k_per_second_read_side_keeping_up")).isNull();
        assertThat(figures.get("target_http_10k_per_second")).isNull();
        assertThat(figures.get("pipeline_max_ratio_to_baseline")).isNull();
    }

    @Test
    void shouldFailThePipelineTargetWhenTheReadSideFallsBehind() {
        final List<double[]> risingLag = List.of(new double[] {0, 0}, new double[] {1, 5_000}, new double[] {2, 10_000});
        final StepResult max = step("pipeline-max", 30_000, LagSummary.of(risingLag, 30_000));

        final Map<String, Object> figures = Comparison.of(List.of(max), null);

        assertThat(max.readSideLag().growing()).isTrue();
        assertThat(figures.get("target_pipeline_25k_per_second_read_side_keeping_up")).isEqualTo(false);
    }

    @Test
    void shouldReportTheRatioToTheBaseline() {
        final StepResult max = step("http-max", 2_500, LagSummary.of(List.of(), 0));
        final var baseline = new dev.wallet.benchmark.report.BaselineResult("17", 8, 10, 1, 5_000, 0, 0, 5_000.0,
                max.latency(), true, Map.of(), Map.of());

        final Map<String, Object> figures = Comparison.of(List.of(max), baseline);

        assertThat(figures.get("http_max_ratio_to_baseline")).isEqualTo(0.5);
        assertThat(figures.get("target_http_10k_per_second")).isEqualTo(false);
    }

    private static StepResult step(final String name, final double completedPerSecond, final LagSummary lag) {
        final Histogram micros = new Histogram(3);
        micros.recordValue(1_000);
        return new StepResult(name, name.split("-")[0], "max", null, 1, 1, 1, 1, 0, Map.of(), 0, Map.of(), 0,
                completedPerSecond, completedPerSecond, LatencySummary.of(micros), Map.of(), Map.of(), Map.of(), lag, Map.of(), 0, null, null);
    }
}
