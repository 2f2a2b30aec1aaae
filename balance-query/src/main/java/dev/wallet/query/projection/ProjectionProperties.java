package dev.wallet.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the projector ({@code wallet.projection.*}).
 *
 * @param enabled           run the projector in this instance; default true (a query-only instance sets false)
 * @param groupId           Kafka consumer group; default {@code wallet-balance-query}
 * @param batchMaxRecords   most records per poll, hence per database transaction; default 5000 (measured faster than 2000)
 * @param pollTimeoutMs     longest wait of one poll; default 100
 * @param retryBackoffMinMs first wait after a failed database write; default 100
 * @param retryBackoffMaxMs longest wait between retries of a failed write (doubling from the minimum);
 *                          default 5000. Retries never end while the service runs: nothing is skipped.
 * @param writeTimeoutMs    longest a batch write may take before it counts as failed; default 30000
 * @param lagRefreshMs      how often the lag is measured against the topics' end offsets; default 1000
 * @param shutdownWaitMs    how long stopping waits for the projector threads; default 10000
 * @param consumers         workers (consumers of the group, each on its own thread and database
 *                          transactions) in this instance; default 2. More than the partitions
 *                          leaves some idle.
 * @param fetchMinBytes     the broker answers a worker's fetch once this many bytes are readable
 *                          ({@code fetch.min.bytes}); default 1048576 (1 MiB). The read side is off
 *                          the transfer's critical path, so it waits for fuller batches: every batch
 *                          costs a database transaction and an offset commit whatever its size. At
 *                          the rates one machine reaches, 1 MiB is not readable within
 *                          {@code fetchMaxWaitMs}, so each worker writes a batch every 200 ms (the
 *                          README, "How the projection works", has the figures and the 64 KiB before)
 * @param fetchMaxWaitMs    ...or once this long has passed ({@code fetch.max.wait.ms}); default 200,
 *                          the most a quiet stream adds to the read side's staleness
 */
@ConfigurationProperties("wallet.projection")
public record ProjectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("wallet-balance-query") String groupId,
        @DefaultValue("5000") int batchMaxRecords,
        @DefaultValue("100") long pollTimeoutMs,
        @DefaultValue("100") long retryBackoffMinMs,
        @DefaultValue("5000") long retryBackoffMaxMs,
        @DefaultValue("30000") long writeTimeoutMs,
        @DefaultValue("1000") long lagRefreshMs,
        @DefaultValue("10000") long shutdownWaitMs,
        @DefaultValue("2") int consumers,
        @DefaultValue("1048576") int fetchMinBytes,
        @DefaultValue("200") int fetchMaxWaitMs) {

    /** Default of {@code fetchMinBytes}. */
    public static final int DEFAULT_FETCH_MIN_BYTES = 1_048_576;
    /** Default of {@code fetchMaxWaitMs}. */
    public static final int DEFAULT_FETCH_MAX_WAIT_MS = 200;

    /** The constructor that binds {@code wallet.projection.*}. */
    @ConstructorBinding
    public ProjectionProperties {
    }

    /** Default fetch batching: the settings before {@code fetchMinBytes} and {@code fetchMaxWaitMs} existed. */
    public ProjectionProperties(final boolean enabled, final String groupId, final int batchMaxRecords,
                                final long pollTimeoutMs, final long retryBackoffMinMs, final long retryBackoffMaxMs,
                                final long writeTimeoutMs, final long lagRefreshMs, final long shutdownWaitMs,
                                final int consumers) {
        this(enabled, groupId, batchMaxRecords, pollTimeoutMs, retryBackoffMinMs, retryBackoffMaxMs, writeTimeoutMs,
                lagRefreshMs, shutdownWaitMs, consumers, DEFAULT_FETCH_MIN_BYTES, DEFAULT_FETCH_MAX_WAIT_MS);
    }

    /** One worker: the settings before {@code consumers} existed. */
    public ProjectionProperties(final boolean enabled, final String groupId, final int batchMaxRecords,
                                final long pollTimeoutMs, final long retryBackoffMinMs, final long retryBackoffMaxMs,
                                final long writeTimeoutMs, final long lagRefreshMs, final long shutdownWaitMs) {
        this(enabled, groupId, batchMaxRecords, pollTimeoutMs, retryBackoffMinMs, retryBackoffMaxMs, writeTimeoutMs,
                lagRefreshMs, shutdownWaitMs, 1);
    }
}
