package dev.wallet.benchmark.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run's headline figures, a row of docs/benchmarks.md's "Where things stand": the baseline,
 * the pipeline's p50 / p99 at chosen offered rates, and both modes' max steps. A figure the run did
 * not measure (a step skipped at the knee, a mode not run) is empty.
 *
 * @param run                 the run's name: its results folder, or a given name with the folder
 * @param commit              the measured commit, abbreviated, with {@code +} when the tree differed
 * @param baselinePerSecond   PostgreSQL alone, transfers a second
 * @param pipelineLatency     step {@code pipeline-<rate>}'s latency by offered rate, in the order asked
 * @param pipelineMax         step {@code pipeline-max}'s completed transfers a second
 * @param pipelineMaxBehind   whether the read side's lag grew over step {@code pipeline-max}
 * @param httpMax             step {@code http-max}'s completed transfers a second
 */
public record RunRow(String run, String commit, Double baselinePerSecond,
                     Map<Integer, LatencySummary> pipelineLatency, Double pipelineMax, Boolean pipelineMaxBehind,
                     Double httpMax) {

    private static final String NONE = "–";

    /** The row of {@code results} under the name {@code run}, with the pipeline steps of {@code rates}. */
    public static RunRow of(final String run, final Results results, final List<Integer> rates) {
        final Map<String, StepResult> steps = results.steps().stream()
                .collect(Collectors.toMap(StepResult::name, step -> step, (first, again) -> again));
        final Map<Integer, LatencySummary> latency = new LinkedHashMap<>();
        rates.forEach(rate -> latency.put(rate,
                Optional.ofNullable(steps.get("pipeline-" + rate)).map(StepResult::latency).orElse(null)));
        final Optional<StepResult> pipelineMax = Optional.ofNullable(steps.get("pipeline-max"));
        final String commit = shortCommit(results.gitCommit());
        return new RunRow(run, commit == null ? NONE : commit,
                results.baseline() == null ? null : results.baseline().transfersPerSecond(), latency,
                pipelineMax.map(StepResult::completedPerSecond).orElse(null),
                pipelineMax.map(StepResult::readSideLag).map(LagSummary::growing).orElse(null),
                Optional.ofNullable(steps.get("http-max")).map(StepResult::completedPerSecond).orElse(null));
    }

    /** A run's commit abbreviated to 7 characters, with {@code +} when the tree differed; null when unknown. */
    static String shortCommit(final String gitCommit) {
        return gitCommit == null ? null
                : gitCommit.substring(0, Math.min(7, gitCommit.length())) + (gitCommit.contains("+") ? "+" : "");
    }

    /** The Markdown table's head for rows of these rates: its column names and the line under them. */
    public static String header(final List<Integer> rates) {
        final String rateColumns = rates.stream()
                .map(rate -> String.format(Locale.ROOT, "pipeline %,d/s: p50 / p99 ms", rate))
                .collect(Collectors.joining(" | "));
        final String head = "| run | commit | baseline/s | " + rateColumns
                + " | pipeline max/s (× baseline; read side) | HTTP max/s |";
        return head + "\n" + "|---".repeat(5 + rates.size()) + "|";
    }

    /** The row in Markdown, its figures rounded to whole milliseconds and transfers a second. */
    public String markdown() {
        final String latency = pipelineLatency.values().stream()
                .map(summary -> summary == null ? NONE
                        : String.format(Locale.ROOT, "%,.0f / %,.0f", summary.p50Ms(), summary.p99Ms()))
                .collect(Collectors.joining(" | "));
        return "| " + run + " | " + commit + " | " + perSecond(baselinePerSecond) + " | " + latency + " | "
                + pipelineMaxCell() + " | " + perSecond(httpMax) + " |";
    }

    private String pipelineMaxCell() {
        if (pipelineMax == null) {
            return NONE;
        }
        final String ratio = baselinePerSecond == null || baselinePerSecond == 0 ? ""
                : String.format(Locale.ROOT, "%.2f×", pipelineMax / baselinePerSecond);
        final String readSide = pipelineMaxBehind == null ? "" : pipelineMaxBehind ? "behind" : "keeping up";
        final String bracket = ratio.isEmpty() || readSide.isEmpty() ? ratio + readSide : ratio + "; " + readSide;
        return perSecond(pipelineMax) + (bracket.isEmpty() ? "" : " (" + bracket + ")");
    }

    private static String perSecond(final Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%,.0f", value);
    }
}
