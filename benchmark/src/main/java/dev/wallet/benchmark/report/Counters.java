package dev.wallet.benchmark.report;

import java.util.Map;

/** Differences of monotonic counters read before and after a step. */
final class Counters {

    private Counters() {
    }

    /**
     * How much counter {@code key} grew between the readings; null when either reading lacks it or
     * it fell (the process that counts restarted within the step and counts again from zero).
     */
    static Double delta(final Map<String, Double> before, final Map<String, Double> after, final String key) {
        final Double from = before.get(key);
        final Double to = after.get(key);
        return from == null || to == null || to < from ? null : to - from;
    }
}
