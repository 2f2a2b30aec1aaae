package dev.wallet.benchmark.sample;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One second of the run.
 *
 * @param atSeconds       seconds since the sampler started
 * @param step            the step running then ({@code idle} between steps)
 * @param outcomesPerSecond transfer outcomes seen in the last second
 * @param latency         request-to-outcome latency of the outcomes seen in the last second; null when none
 * @param readSideLagRecords the read side's lag, -1 when unknown
 * @param coresByProcess  average cores each watched process used in the last second
 * @param rssMibByProcess resident memory of each watched process, MiB
 */
public record Sample(double atSeconds, String step, long outcomesPerSecond, Latency latency, long readSideLagRecords,
                     Map<String, Double> coresByProcess, Map<String, Long> rssMibByProcess) {

    /** Percentiles of one second's outcomes, ms. */
    public record Latency(double p50Ms, double p99Ms, double maxMs) {

        /** From a histogram of microseconds; null when it holds nothing. */
        public static Latency of(final Histogram micros) {
            if (micros == null || micros.getTotalCount() == 0) {
                return null;
            }
            return new Latency(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getMaxValue()));
        }

        private static double ms(final long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }
}
