package dev.wallet.saga.topology;

import dev.wallet.schemas.kafka.CommitPacing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;

/**
 * What the saga topology can be tuned with. Immutable; start from {@link #defaults()} and change
 * one thing at a time with the {@code with...} methods.
 *
 * <p>Retention bounds the phase-status table: a saga that ended (COMPLETED or FAILED) is deleted
 * {@link #terminalRetention()} after it ended. Until then a repeated transaction_id is answered as
 * a duplicate; after it, the id is unknown again and would start a new saga, so the retention is
 * the idempotency window the API promises. A saga that has not ended is never deleted: it waits
 * for an account's answer, which always comes (the account processor answers every command).
 */
public final class SagaSettings {

    /**
     * Default idempotency window: 37 h, longer than the account processor may remember a
     * transaction's steps (its 24 h retention plus one 12 h bucket) by an hour for the two apps'
     * clocks. A repeat the accounts would answer as repeated must still find the saga and be
     * answered as a duplicate: a new saga would ignore the repeated answer to its debit and never
     * end. Past 37 h both have forgotten, and a repeat is a new transfer.
     */
    public static final Duration TERMINAL_RETENTION_DEFAULT = Duration.ofHours(37);

    /**
     * Default period of the purge of ended sagas (wall-clock). Once a second, so that each run
     * deletes about a second's worth of ended sagas (a few thousand at most) and the purge keeps up
     * with up to {@value #PURGE_BATCH_MAX_DEFAULT} ended sagas a second per task.
     */
    public static final Duration PURGE_INTERVAL_DEFAULT = Duration.ofSeconds(1);

    /**
     * Default most ended sagas deleted by one purge run, so one run never holds the stream thread
     * long (a backlog, e.g. after a day's outage of the purge, shrinks over several runs).
     */
    public static final int PURGE_BATCH_MAX_DEFAULT = 10_000;

    private final Duration terminalRetention;
    private final Duration purgeInterval;
    private final int purgeBatchMax;
    private final CommitPacing commitPacing;
    private final MeterRegistry meterRegistry;

    private SagaSettings(final Duration terminalRetention, final Duration purgeInterval, final int purgeBatchMax,
                         final CommitPacing commitPacing, final MeterRegistry meterRegistry) {
        this.terminalRetention = requirePositive(terminalRetention, "terminalRetention");
        this.purgeInterval = requirePositive(purgeInterval, "purgeInterval");
        if (purgeBatchMax < 1) {
            throw new IllegalArgumentException("purgeBatchMax must be positive, was " + purgeBatchMax + ".");
        }
        this.purgeBatchMax = purgeBatchMax;
        this.commitPacing = Objects.requireNonNull(commitPacing, "commitPacing");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    /**
     * Retention 24 h, purge every second in batches of at most
     * {@value #PURGE_BATCH_MAX_DEFAULT}, commits paced by {@link CommitPacing#DEFAULT}, metrics to
     * Micrometer's global registry (which records nothing until a registry is added to it).
     */
    public static SagaSettings defaults() {
        return new SagaSettings(TERMINAL_RETENTION_DEFAULT, PURGE_INTERVAL_DEFAULT, PURGE_BATCH_MAX_DEFAULT,
                CommitPacing.DEFAULT, Metrics.globalRegistry);
    }

    /** These settings with ended sagas kept for {@code retention}. */
    public SagaSettings withTerminalRetention(final Duration retention) {
        return new SagaSettings(retention, purgeInterval, purgeBatchMax, commitPacing, meterRegistry);
    }

    /** These settings with the purge of ended sagas running every {@code interval}. */
    public SagaSettings withPurgeInterval(final Duration interval) {
        return new SagaSettings(terminalRetention, interval, purgeBatchMax, commitPacing, meterRegistry);
    }

    /** These settings with at most {@code batchMax} ended sagas deleted per purge run. */
    public SagaSettings withPurgeBatchMax(final int batchMax) {
        return new SagaSettings(terminalRetention, purgeInterval, batchMax, commitPacing, meterRegistry);
    }

    /**
     * These settings with commits paced by {@code pacing}; the client's {@code commit.interval.ms}
     * must be {@link CommitPacing#streamsCommitIntervalMs()}.
     */
    public SagaSettings withCommitPacing(final CommitPacing pacing) {
        return new SagaSettings(terminalRetention, purgeInterval, purgeBatchMax, pacing, meterRegistry);
    }

    /** These settings with the saga counters registered in {@code registry}. */
    public SagaSettings withMeterRegistry(final MeterRegistry registry) {
        return new SagaSettings(terminalRetention, purgeInterval, purgeBatchMax, commitPacing, registry);
    }

    /** How long an ended saga stays in the phase-status table. */
    public Duration terminalRetention() {
        return terminalRetention;
    }

    /** How often ended sagas past their retention are deleted. */
    public Duration purgeInterval() {
        return purgeInterval;
    }

    /** The most ended sagas one purge run deletes. */
    public int purgeBatchMax() {
        return purgeBatchMax;
    }

    /** When the saga asks for a commit ahead of the client's commit interval. */
    public CommitPacing commitPacing() {
        return commitPacing;
    }

    /** Where the saga counters go. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    private static Duration requirePositive(final Duration duration, final String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration + ".");
        }
        return duration;
    }

    @Override
    public String toString() {
        return "SagaSettings[terminalRetention=" + terminalRetention + ", purgeInterval=" + purgeInterval
                + ", purgeBatchMax=" + purgeBatchMax + ", commitPacing=" + commitPacing + "]";
    }
}
