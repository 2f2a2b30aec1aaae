package dev.wallet.benchmark.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latency of a step in milliseconds, from a histogram recorded in microseconds.
 *
 * @param count  outcomes measured
 * @param curve  latency at each of {@link #CURVE_PERCENTILES}, for the percentile plot
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                             double maxMs, List<PercentilePoint> curve) {

    /** Percentiles of the plotted curve. */
    public static final double[] CURVE_PERCENTILES =
            {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};

    /** One point of the percentile curve. */
    public record PercentilePoint(double percentile, double latencyMs) {
    }

    /** Extracts the summary; an empty histogram gives zeros. */
    public static LatencySummary of(final Histogram micros) {
        final List<PercentilePoint> curve = new ArrayList<>();
        for (final double p : CURVE_PERCENTILES) {
            curve.add(new PercentilePoint(p, at(micros, p)));
        }
        return new LatencySummary(micros.getTotalCount(), round(micros.getMean() / 1000.0), at(micros, 50),
                at(micros, 90), at(micros, 99), at(micros, 99.9), round(micros.getMaxValue() / 1000.0), curve);
    }

    private static double at(final Histogram micros, final double percentile) {
        if (micros.getTotalCount() == 0) {
            return 0;
        }
        // HdrHistogram answers the highest value equivalent to the bucket: within 0.1% (3 digits).
        return round((percentile >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile)) / 1000.0);
    }

    private static double round(final double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
