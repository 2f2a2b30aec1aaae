package dev.wallet.saga;

import dev.wallet.saga.topology.SagaSettings;
import dev.wallet.schemas.kafka.CommitPacing;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the saga orchestrator service, under {@code wallet.saga-orchestrator.*}; each default
 * is stated on its parameter.
 *
 * @param applicationId           Kafka Streams application id, also its consumer group, state
 *                                directory and internal topic prefix (default {@code wallet-saga-orchestrator})
 * @param partitions              partitions of topics this service creates on start (default 6,
 *                                {@link Topics#PARTITIONS_DEFAULT}); existing topics are left alone
 * @param replicationFactor       replication factor of created topics and of the internal
 *                                changelog and repartition topics (default 1, for the single local
 *                                broker; 3 in production)
 * @param provisionTopics         whether to create missing wallet topics on start (default true)
 * @param stateDir                where RocksDB state lives; empty means Kafka Streams' default
 *                                ({@code java.io.tmpdir}/kafka-streams), which a reboot may wipe and
 *                                force a full restore from the changelogs (default empty)
 * @param streamThreads           stream threads (default 1). Each commits its own transactions on its own
 *                                pace, so a second one doubles the commits; on 2 cores that slowed every
 *                                step (docs/benchmarks.md, "Two stream threads per app")
 * @param commitInterval          how often a transaction commits while the records are fresh and
 *                                the stream thread drains its input (default 10 ms; see
 *                                {@link CommitPacing#DEFAULT}): the floor of
 *                                each hop's wait, traded against CPU per transfer (saga README,
 *                                "Commit interval" and "Commit pacing")
 * @param busyCommitInterval      how often a transaction commits while the records are fresh but the
 *                                stream thread did not drain its input before any of its recent
 *                                commits (default 30 ms, or {@code commitInterval} if that is longer;
 *                                a thread busy at some of them commits in between, by its busy share;
 *                                see {@link CommitPacing}): fewer commits, so more CPU for the load,
 *                                while the thread has no time to spare; at least
 *                                {@code commitInterval} (equal turns it off)
 * @param backlogCommitInterval   how often a transaction commits while records older than
 *                                {@code backlogAge} are processed (default 100 ms; Kafka Streams'
 *                                {@code commit.interval.ms}): fewer, fuller transactions while the
 *                                work is late anyway (see {@link CommitPacing}); set it to
 *                                {@code commitInterval} to commit at one pace
 * @param backlogAge              a record whose transfer is older than this is part of a backlog
 *                                (default 1 s)
 * @param stateStoreCacheMaxBytes record cache of the stores (default 0: off, which measured about
 *                                twice the throughput of the default 10 MiB with this write pattern)
 * @param producerBatchSizeBytes  producer batch size (default 131072, 128 KiB)
 * @param producerLinger          how long the producer waits to fill a batch (default 20 ms):
 *                                under exactly-once every commit flushes the producer, so a linger
 *                                delays nothing a reader can see beyond the next commit and sends
 *                                fewer, fuller requests (measured: about
 *                                30% less CPU per transfer than 5 ms in PipelineThroughputBench)
 * @param terminalRetention       how long an ended saga is kept, which is the idempotency window of
 *                                a transaction_id (default 37 h, see {@link SagaSettings}); it must
 *                                exceed the account processor's applied-steps retention plus its
 *                                12 h bucket
 * @param purgeInterval           how often ended sagas past retention are deleted (default 1 s)
 * @param purgeBatchMax           the most ended sagas deleted per run and task (default 10000); with
 *                                the interval, the most a task purges per second, which must exceed
 *                                the rate its sagas end at, or the table grows without bound
 * @param closeTimeout            how long a shutdown waits for the client to close (default 30 s)
 */
@ConfigurationProperties("wallet.saga-orchestrator")
public record SagaOrchestratorProperties(
        @DefaultValue("wallet-saga-orchestrator") String applicationId,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("true") boolean provisionTopics,
        @DefaultValue("") String stateDir,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("10ms") Duration commitInterval,
        Duration busyCommitInterval,
        @DefaultValue("100ms") Duration backlogCommitInterval,
        @DefaultValue("1s") Duration backlogAge,
        @DefaultValue("0") long stateStoreCacheMaxBytes,
        @DefaultValue("131072") int producerBatchSizeBytes,
        @DefaultValue("20ms") Duration producerLinger,
        @DefaultValue("37h") Duration terminalRetention,
        @DefaultValue("1s") Duration purgeInterval,
        @DefaultValue("10000") int purgeBatchMax,
        @DefaultValue("30s") Duration closeTimeout) {

    /**
     * The commit pacing of {@code commitInterval}, {@code busyCommitInterval} (if unset, as
     * {@link CommitPacing#of} says), {@code backlogCommitInterval} and {@code backlogAge}.
     */
    public CommitPacing commitPacing() {
        return CommitPacing.of(commitInterval, busyCommitInterval, backlogCommitInterval, backlogAge);
    }
}
