package dev.wallet.benchmark;

import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.report.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headline figures of a run next to the baseline and the targets. A target reads
 * {@code true} only when the run measured it; a missing step gives {@code null}, never a pass.
 */
final class Comparison {

    /** Targets of issue 8, on this machine with everything on it. */
    static final double PIPELINE_TARGET_PER_SECOND = 25_000;
    static final double HTTP_TARGET_PER_SECOND = 10_000;
    static final double P99_TARGET_MS = 100;
    static final double P99_TARGET_OFFERED = 2_500;

    private Comparison() {
    }

    static Map<String, Object> of(final List<StepResult> steps, final BaselineResult baseline) {
        final Map<String, Object> figures = new LinkedHashMap<>();
        final Double baselineRate = baseline == null ? null : baseline.transfersPerSecond();
        figures.put("baseline_transfers_per_second", baselineRate);
        for (final String mode : List.of("pipeline", "http")) {
            final Optional<StepResult> max = step(steps, mode + "-max");
            final Double completed = max.map(StepResult::completedPerSecond).orElse(null);
            figures.put(mode + "_max_completed_per_second", completed);
            figures.put(mode + "_max_ratio_to_baseline", completed == null || baselineRate == null || baselineRate == 0
                    ? null : Math.round(completed / baselineRate * 100) / 100.0);
            figures.put(mode + "_max_read_side_lag_growing", max.map(s -> s.readSideLag().growing()).orElse(null));
            figures.put(mode + "_p99_ms_at_2500_offered",
                    step(steps, mode + "-" + Math.round(P99_TARGET_OFFERED)).map(s -> s.latency().p99Ms()).orElse(null));
        }
        figures.put("target_pipeline_25k_per_second_read_side_keeping_up",
                step(steps, "pipeline-max").map(s -> s.completedPerSecond() >= PIPELINE_TARGET_PER_SECOND
                        && !s.readSideLag().growing()).orElse(null));
        figures.put("target_http_10k_per_second",
                step(steps, "http-max").map(s -> s.completedPerSecond() >= HTTP_TARGET_PER_SECOND).orElse(null));
        figures.put("target_p99_100ms_at_2500_offered_pipeline",
                step(steps, "pipeline-2500").map(s -> s.latency().p99Ms() <= P99_TARGET_MS && s.incomplete() == 0)
                        .orElse(null));
        figures.put("target_p99_100ms_at_2500_offered_http",
                step(steps, "http-2500").map(s -> s.latency().p99Ms() <= P99_TARGET_MS && s.incomplete() == 0)
                        .orElse(null));
        return figures;
    }

    private static Optional<StepResult> step(final List<StepResult> steps, final String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
