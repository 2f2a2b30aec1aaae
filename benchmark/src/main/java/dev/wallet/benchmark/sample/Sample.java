package dev.wallet.benchmark.sample;

import java.util.Map;

/**
 * One second of the run.
 *
 * @param atSeconds       seconds since the sampler started
 * @param step            the step running then ({@code idle} between steps)
 * @param outcomesPerSecond transfer outcomes seen in the last second
 * @param readSideLagRecords the read side's lag, -1 when unknown
 * @param coresByProcess  average cores each watched process used in the last second
 * @param rssMibByProcess resident memory of each watched process, MiB
 */
public record Sample(double atSeconds, String step, long outcomesPerSecond, long readSideLagRecords,
                     Map<String, Double> coresByProcess, Map<String, Long> rssMibByProcess) {
}
