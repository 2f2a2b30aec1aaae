package dev.wallet.benchmark.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One process's CPU over a step.
 *
 * @param cpuSeconds                user + system CPU time over the step
 * @param averageCores              cpuSeconds / the step's wall seconds
 * @param cpuSecondsPer1000Transfers cpuSeconds per 1000 outcomes of the step
 */
public record ProcessCost(double cpuSeconds, double averageCores,
                          @JsonProperty("cpu_seconds_per_1000_transfers") double cpuSecondsPer1000Transfers) {

    /** Computes the cost of {@code cpuSeconds} over {@code wallSeconds} and {@code outcomes}. */
    public static ProcessCost of(final double cpuSeconds, final double wallSeconds, final long outcomes) {
        return new ProcessCost(round(cpuSeconds), wallSeconds <= 0 ? 0 : round(cpuSeconds / wallSeconds),
                outcomes <= 0 ? 0 : round(cpuSeconds * 1000.0 / outcomes));
    }

    private static double round(final double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
