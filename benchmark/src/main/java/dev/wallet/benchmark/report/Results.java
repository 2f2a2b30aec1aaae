package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.Sample;
import java.util.List;
import java.util.Map;

/**
 * Everything a run wrote to {@code results.json}.
 *
 * @param settings     every knob of the run, by option name
 * @param comparison   the wallet's best figures as ratios to the baseline
 * @param series       one sample a second: outcomes/s, read-side lag, cores and memory per process
 */
public record Results(String format, String startedAt, String finishedAt, String gitCommit, Machine machine,
                      Map<String, Object> settings, List<StepResult> steps, BaselineResult baseline,
                      Map<String, Object> comparison, List<Sample> series, List<String> notes) {

    /** The format tag of this layout; bump it when a field changes meaning. */
    public static final String FORMAT = "wallet-benchmark-results/1";
}
