package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.CommitMeters;
import java.util.Map;

/**
 * A Kafka Streams service's exactly-once commits over a step, from its own meters: how often its
 * stream threads committed and how long, on average, each commit waited on the broker in its three
 * steps. A record that a hop has processed becomes visible downstream only after the commit that
 * follows, so these waits are part of every hop's latency; the thread processes nothing meanwhile.
 * Beside them, how often the threads' loops ran a punctuator, where the commit pacer checks.
 *
 * @param commitsPerSecond      commits of all stream threads ÷ the step's wall seconds
 * @param flushMsPerCommit      producer flush at commit (records of the transaction not yet
 *                              acknowledged, including the broker adding their partitions to it)
 * @param sendOffsetsMsPerCommit adding the consumed offsets to the transaction (TxnOffsetCommit)
 * @param endTxnMsPerCommit     commitTransaction (EndTxn)
 * @param punctuationsPerSecond turns of the stream threads' loops that ran a punctuator ÷ the step's wall
 *                              seconds; the commit pacer checks for an owed commit in a punctuator, and
 *                              Kafka Streams halves the records a thread takes per task per turn after
 *                              each; null when the service does not report it
 * @param busyAskShare          of the commits the service's commit pacer asked for, the share a busy
 *                              stream thread asked for (one that had not drained its input; each such
 *                              ask moves the thread's pace toward the busy interval); null when the
 *                              service does not report it or its pacer asked for none
 */
public record CommitTiming(double commitsPerSecond, double flushMsPerCommit, double sendOffsetsMsPerCommit,
                           double endTxnMsPerCommit, Double punctuationsPerSecond, Double busyAskShare) {

    /** The timing between two readings of the meters; null when either reading is incomplete. */
    public static CommitTiming between(final Map<String, Double> before, final Map<String, Double> after,
                                       final double wallSeconds) {
        final Double commits = Counters.delta(before, after, CommitMeters.COMMITS);
        final Double flush = Counters.delta(before, after, CommitMeters.FLUSH_NS);
        final Double sendOffsets = Counters.delta(before, after, CommitMeters.SEND_OFFSETS_NS);
        final Double endTxn = Counters.delta(before, after, CommitMeters.END_TXN_NS);
        if (commits == null || flush == null || sendOffsets == null || endTxn == null || wallSeconds <= 0) {
            return null;
        }
        final Double punctuations = Counters.delta(before, after, CommitMeters.PUNCTUATIONS);
        final Double asks = Counters.delta(before, after, CommitMeters.ASKS);
        final Double busyAsks = Counters.delta(before, after, CommitMeters.BUSY_ASKS);
        return new CommitTiming(round(commits / wallSeconds), perCommitMs(flush, commits),
                perCommitMs(sendOffsets, commits), perCommitMs(endTxn, commits),
                punctuations == null ? null : round(punctuations / wallSeconds),
                asks == null || busyAsks == null || asks <= 0 ? null : round(busyAsks / asks));
    }

    /** Milliseconds a commit waited on the broker in all, the three steps together. */
    public double totalMsPerCommit() {
        return round(flushMsPerCommit + sendOffsetsMsPerCommit + endTxnMsPerCommit);
    }

    private static double perCommitMs(final double nanos, final double commits) {
        return commits <= 0 ? 0 : round(nanos / 1e6 / commits);
    }

    private static double round(final double value) {
        return Math.round(value * 100) / 100.0;
    }
}
