package dev.wallet.account.topology;

import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.schemas.kafka.CommitPacing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;

/**
 * What the account processor topology can be tuned with. Immutable; start from {@link #defaults()}
 * and change one thing at a time with the {@code with...} methods.
 */
public final class AccountProcessorSettings {

    /** Narrowest applied-steps bucket accepted, as for the retention: the store's segments last a minute at least. */
    private static final Duration BUCKET_MIN = Duration.ofMinutes(1);

    private final Duration appliedStepsRetention;
    private final Duration appliedStepsBucket;
    private final CommitPacing commitPacing;
    private final MeterRegistry meterRegistry;

    private AccountProcessorSettings(final Duration appliedStepsRetention, final Duration appliedStepsBucket,
                                     final CommitPacing commitPacing, final MeterRegistry meterRegistry) {
        this.appliedStepsRetention = Objects.requireNonNull(appliedStepsRetention, "appliedStepsRetention");
        this.appliedStepsBucket = Objects.requireNonNull(appliedStepsBucket, "appliedStepsBucket");
        this.commitPacing = Objects.requireNonNull(commitPacing, "commitPacing");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        if (appliedStepsRetention.compareTo(AppliedStepsStore.RETENTION_MIN) < 0) {
            throw new IllegalArgumentException("The applied-steps retention must be at least "
                    + AppliedStepsStore.RETENTION_MIN + ", was " + appliedStepsRetention + ".");
        }
        if (appliedStepsBucket.compareTo(BUCKET_MIN) < 0) {
            throw new IllegalArgumentException("The applied-steps bucket must be at least " + BUCKET_MIN + ", was "
                    + appliedStepsBucket + ".");
        }
    }

    /**
     * The defaults: applied steps remembered {@link AppliedStepsStore#RETENTION_DEFAULT} (24 h) and
     * stamped by buckets of {@link AppliedStepsStore#BUCKET_DEFAULT} (12 h), commits paced by {@link CommitPacing#DEFAULT}, and metrics to Micrometer's global registry
     * (which records nothing until a registry is added to it).
     */
    public static AccountProcessorSettings defaults() {
        return new AccountProcessorSettings(AppliedStepsStore.RETENTION_DEFAULT, AppliedStepsStore.BUCKET_DEFAULT,
                CommitPacing.DEFAULT, Metrics.globalRegistry);
    }

    /** These settings with applied steps remembered for {@code retention} (at least a minute). */
    public AccountProcessorSettings withAppliedStepsRetention(final Duration retention) {
        return new AccountProcessorSettings(retention, appliedStepsBucket, commitPacing, meterRegistry);
    }

    /**
     * These settings with applied steps stamped by buckets of {@code bucket} instead of
     * {@link AppliedStepsStore#BUCKET_DEFAULT}. Only for benchmarks and tests that need the store of
     * a processor that has run for a day within minutes: entries stamped under one bucket are not
     * found under another, so a deployment never sets it (the services have no property for it).
     */
    public AccountProcessorSettings withAppliedStepsBucket(final Duration bucket) {
        return new AccountProcessorSettings(appliedStepsRetention, bucket, commitPacing, meterRegistry);
    }

    /**
     * These settings with commits paced by {@code pacing}; the client's {@code commit.interval.ms}
     * must be {@link CommitPacing#streamsCommitIntervalMs()}.
     */
    public AccountProcessorSettings withCommitPacing(final CommitPacing pacing) {
        return new AccountProcessorSettings(appliedStepsRetention, appliedStepsBucket, pacing, meterRegistry);
    }

    /** These settings with the ledger counters registered in {@code registry}. */
    public AccountProcessorSettings withMeterRegistry(final MeterRegistry registry) {
        return new AccountProcessorSettings(appliedStepsRetention, appliedStepsBucket, commitPacing, registry);
    }

    /** How long what a transaction did on an account is remembered; see {@link AppliedStepsStore}. */
    public Duration appliedStepsRetention() {
        return appliedStepsRetention;
    }

    /** The width of the buckets applied steps are stamped with; see {@link AppliedStepsStore}. */
    public Duration appliedStepsBucket() {
        return appliedStepsBucket;
    }

    /** When the processor asks for a commit ahead of the client's commit interval. */
    public CommitPacing commitPacing() {
        return commitPacing;
    }

    /** Where the ledger counters go. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    @Override
    public String toString() {
        return "AccountProcessorSettings[appliedStepsRetention=" + appliedStepsRetention + ", appliedStepsBucket="
                + appliedStepsBucket + ", commitPacing=" + commitPacing + "]";
    }
}
