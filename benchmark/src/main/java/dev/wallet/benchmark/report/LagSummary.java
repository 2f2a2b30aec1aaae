package dev.wallet.benchmark.report;

import java.util.List;

/**
 * The read side's lag over a step.
 *
 * @param samples          lag samples taken (one a second; unknown ones left out)
 * @param maxRecords       largest lag seen
 * @param lastRecords      lag at the last sample
 * @param slopePerSecond   least-squares slope of lag over time, records per second
 * @param growing          whether the slope exceeds 1% of the step's outcomes per second, i.e. the
 *                         read side fell behind the write side during the step
 */
public record LagSummary(int samples, long maxRecords, long lastRecords, double slopePerSecond, boolean growing) {

    /** Share of the throughput by which the lag may grow per second and still count as keeping up. */
    public static final double GROWTH_TOLERANCE = 0.01;

    /** Summarizes lag samples at the given times (seconds); negative (unknown) lags are left out. */
    public static LagSummary of(final List<double[]> timeAndLag, final double outcomesPerSecond) {
        final List<double[]> known = timeAndLag.stream().filter(p -> p[1] >= 0).toList();
        if (known.isEmpty()) {
            return new LagSummary(0, -1, -1, 0, false);
        }
        final double slope = slope(known);
        final long max = (long) known.stream().mapToDouble(p -> p[1]).max().orElse(0);
        final long last = (long) known.get(known.size() - 1)[1];
        return new LagSummary(known.size(), max, last, Math.round(slope * 10) / 10.0,
                known.size() >= 3 && slope > GROWTH_TOLERANCE * Math.max(outcomesPerSecond, 1));
    }

    static double slope(final List<double[]> points) {
        if (points.size() < 2) {
            return 0;
        }
        final double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        final double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double num = 0;
        double den = 0;
        for (final double[] p : points) {
            num += (p[0] - meanX) * (p[1] - meanY);
            den += (p[0] - meanX) * (p[0] - meanX);
        }
        return den == 0 ? 0 : num / den;
    }
}
