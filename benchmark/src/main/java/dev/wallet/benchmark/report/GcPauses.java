package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.JvmPerfData.GcTotals;

/**
 * A JVM's stop-the-world garbage collection pauses over a step, from its performance counters
 * ({@code jstat}'s GC count and GCT) read at the step's start and end.
 *
 * @param pauses      collections in the step
 * @param pauseSeconds their pause time in the step
 * @param pausedShare  pauseSeconds ÷ the step's wall seconds: the share of the step the JVM's
 *                     application threads stood still for its collector
 * @param meanPauseMs  pauseSeconds ÷ pauses, in ms; 0 without pauses
 */
public record GcPauses(long pauses, double pauseSeconds, double pausedShare, double meanPauseMs) {

    /** The pauses between two readings; null when either is missing or the counters went back (another JVM). */
    public static GcPauses between(final GcTotals before, final GcTotals after, final double wallSeconds) {
        if (before == null || after == null || wallSeconds <= 0
                || after.pauses() < before.pauses() || after.pauseNanos() < before.pauseNanos()) {
            return null;
        }
        final long pauses = after.pauses() - before.pauses();
        final double seconds = (after.pauseNanos() - before.pauseNanos()) / 1e9;
        return new GcPauses(pauses, round(seconds), round(seconds / wallSeconds),
                pauses == 0 ? 0 : round(seconds * 1000 / pauses));
    }

    private static double round(final double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
