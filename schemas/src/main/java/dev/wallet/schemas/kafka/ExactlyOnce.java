package dev.wallet.schemas.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The client settings every wallet service starts from: exactly-once processing, idempotent
 * producers with {@code acks=all}, and consumers that read only committed data. Services add their
 * own tuning on top; nobody turns these off.
 */
public final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /**
     * How long the group waits for a silent member before moving its partitions: 10 s instead of
     * the client default of 45 s, because that wait is the outage of the partitions of a crashed
     * instance (a restarted instance joins as a new member and waits for the old one to expire).
     */
    public static final int SESSION_TIMEOUT_MS = 10_000;

    /** Heartbeats a third of the session timeout, as Kafka recommends. */
    public static final int HEARTBEAT_INTERVAL_MS = 3_000;

    /**
     * First retry backoff of the Streams producers: 10 ms instead of the client default of 100 ms.
     * With transactions v2 (Kafka 4), the first write of a transaction to a partition whose previous
     * transaction's markers are not written yet is answered {@code CONCURRENT_TRANSACTIONS} and
     * retried after this backoff; at 100 ms every such retry added 100 ms to a hop of the saga. The
     * backoff still grows exponentially up to {@code retry.backoff.max.ms} (default 1 s), so a broker
     * that is really down is not hammered.
     */
    public static final int PRODUCER_RETRY_BACKOFF_MS = 10;

    /**
     * Kafka Streams settings: {@code exactly_once_v2}, and a record that cannot be deserialized is
     * skipped, logged with its topic, partition and offset, and counted in the task's
     * {@code dropped-records} metric instead of stopping the stream (a poison record never causes
     * a crash loop). Failover of a crashed instance's partitions takes {@link #SESSION_TIMEOUT_MS}.
     *
     * @param applicationId     the Streams application id (consumer group and state directory name)
     * @param bootstrapServers  Kafka bootstrap servers
     * @param replicationFactor replication factor of internal topics (changelogs, repartitions)
     */
    public static Properties streams(final String applicationId, final String bootstrapServers,
                                     final int replicationFactor) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), PRODUCER_RETRY_BACKOFF_MS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), HEARTBEAT_INTERVAL_MS);
        return props;
    }

    /** Plain producer settings: idempotent, {@code acks=all}, string keys. */
    public static Properties producer(final String bootstrapServers) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /** Consumer settings that see only committed transactional data. */
    public static Properties readCommitted(final String bootstrapServers, final String groupId) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}
