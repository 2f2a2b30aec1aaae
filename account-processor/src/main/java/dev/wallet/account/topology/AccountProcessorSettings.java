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

    private final Duration appliedStepsRetention;
    private final CommitPacing commitPacing;
    private final MeterRegistry meterRegistry;

    private AccountProcessorSettings(final Duration appliedStepsRetention, final CommitPacing commitPacing,
                                     final MeterRegistry meterRegistry) {
        this.appliedStepsRetention = Objects.requireNonNull(appliedStepsRetention, "appliedStepsRetention");
        this.commitPacing = Objects.requireNonNull(commitPacing, "commitPacing");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        if (appliedStepsRetention.compareTo(AppliedStepsStore.RETENTION_MIN) < 0) {
            throw new IllegalArgumentException("The applied-steps retention must be at least "
                    + AppliedStepsStore.RETENTION_MIN + ", was " + appliedStepsRetention + ".");
        }
    }

    /**
     * The defaults: applied steps remembered {@link AppliedStepsStore#RETENTION_DEFAULT} (24 h),
     * commits paced by {@link CommitPacing#DEFAULT}, and metrics to Micrometer's global registry
     * (which records nothing until a registry is added to it).
     */
    public static AccountProcessorSettings defaults() {
        return new AccountProcessorSettings(AppliedStepsStore.RETENTION_DEFAULT, CommitPacing.DEFAULT,
                Metrics.globalRegistry);
    }

    /** These settings with applied steps remembered for {@code retention} (at least a minute). */
    public AccountProcessorSettings withAppliedStepsRetention(final Duration retention) {
        return new AccountProcessorSettings(retention, commitPacing, meterRegistry);
    }

    /**
     * These settings with commits paced by {@code pacing}; the client's {@code commit.interval.ms}
     * must be {@link CommitPacing#streamsCommitIntervalMs()}.
     */
    public AccountProcessorSettings withCommitPacing(final CommitPacing pacing) {
        return new AccountProcessorSettings(appliedStepsRetention, pacing, meterRegistry);
    }

    /** These settings with the ledger counters registered in {@code registry}. */
    public AccountProcessorSettings withMeterRegistry(final MeterRegistry registry) {
        return new AccountProcessorSettings(appliedStepsRetention, commitPacing, registry);
    }

    /** How long what a transaction did on an account is remembered; see {@link AppliedStepsStore}. */
    public Duration appliedStepsRetention() {
        return appliedStepsRetention;
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
        return "AccountProcessorSettings[appliedStepsRetention=" + appliedStepsRetention + ", commitPacing="
                + commitPacing + "]";
    }
}
