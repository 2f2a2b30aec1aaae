package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.PlannedTransfer;

/**
 * Sends one transfer without waiting for its outcome; the outcome arrives through the
 * {@link OutcomeTracker}. A sender reports a failed send to the step (so its in-flight permit
 * comes back and the tracker stops waiting).
 */
public interface TransferSender extends AutoCloseable {

    /** The mode's name in results: {@code http} or {@code pipeline}. */
    String mode();

    /** Sends {@code transfer}, due at {@code dueNanos}, for {@code step}. Must not block long. */
    void send(PlannedTransfer transfer, long dueNanos, StepStats step);

    /** Pushes out anything buffered (the producer's batches). */
    default void flush() {
    }

    @Override
    void close();
}
