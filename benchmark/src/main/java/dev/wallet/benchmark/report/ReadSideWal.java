package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.PostgresWal;
import java.util.Map;

/**
 * The write-ahead log the read side's PostgreSQL wrote over a step, from its own counters: the
 * durable write volume of the projection, which a deployment's disks and standbys must carry. Per
 * transfer means over the step's outcomes, as the processes' CPU per transfer does, so a read side
 * catching up on an earlier step's backlog counts toward the step it catches up in.
 *
 * @param megabytesPerSecond     WAL bytes ÷ the step's wall seconds, in 10^6 bytes
 * @param bytesPerTransfer       WAL bytes ÷ outcomes
 * @param recordsPerTransfer     WAL records ÷ outcomes
 * @param fullPageImages         whole pages written into the WAL (each page's first change after a
 *                               checkpoint)
 * @param buffersFull            times a backend wrote WAL itself because the WAL buffers were full
 * @param checkpoints            checkpoints started during the step; null when the server does not
 *                               count them (before PostgreSQL 17)
 */
public record ReadSideWal(double megabytesPerSecond, double bytesPerTransfer, double recordsPerTransfer,
                          long fullPageImages, long buffersFull, Long checkpoints) {

    /** The WAL between two readings of the counters; null when either reading is incomplete. */
    public static ReadSideWal between(final Map<String, Double> before, final Map<String, Double> after,
                                      final double wallSeconds, final long outcomes) {
        final Double bytes = Counters.delta(before, after, PostgresWal.BYTES);
        final Double records = Counters.delta(before, after, PostgresWal.RECORDS);
        final Double fullPages = Counters.delta(before, after, PostgresWal.FULL_PAGE_IMAGES);
        final Double buffersFull = Counters.delta(before, after, PostgresWal.BUFFERS_FULL);
        if (bytes == null || records == null || fullPages == null || buffersFull == null || wallSeconds <= 0) {
            return null;
        }
        final Double checkpoints = Counters.delta(before, after, PostgresWal.CHECKPOINTS);
        return new ReadSideWal(round(bytes / wallSeconds / 1e6), perTransfer(bytes, outcomes),
                perTransfer(records, outcomes), fullPages.longValue(), buffersFull.longValue(),
                checkpoints == null ? null : checkpoints.longValue());
    }

    private static double perTransfer(final double value, final long outcomes) {
        return outcomes <= 0 ? 0 : round(value / outcomes);
    }

    private static double round(final double value) {
        return Math.round(value * 10) / 10.0;
    }
}
