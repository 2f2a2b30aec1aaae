package dev.wallet.ops.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic as it was when the snapshot was taken: its partitions with their end offsets (the
 * read_committed end, the last stable offset). Reading the snapshot reads from a start offset to
 * these ends and no further, so a live topic still yields a fixed, reproducible set of records.
 *
 * @param topic the topic
 * @param ends  end offset (exclusive) of every partition
 */
public record TopicSnapshot(String topic, Map<TopicPartition, Long> ends) {

    /** Bound on metadata and offset look-ups. */
    public static final int DEFAULT_API_TIMEOUT_MS = 15_000;

    /** Captures the read_committed end offsets of {@code topic}; empty when the topic does not exist. */
    public static TopicSnapshot capture(final String bootstrapServers, final String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommitted(bootstrapServers))) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic);
            final List<TopicPartition> partitions = new ArrayList<>();
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return new TopicSnapshot(topic, Map.copyOf(consumer.endOffsets(partitions)));
        }
    }

    /** Records between {@code from} (per partition, 0 when absent) and the ends. */
    public long recordsAfter(final Map<TopicPartition, Long> from) {
        long total = 0;
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            total += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
        }
        return total;
    }

    /** Records in the snapshot from offset 0 (an upper bound: transaction markers count too). */
    public long records() {
        return recordsAfter(Map.of());
    }

    /** Start offsets of 0 for every partition. */
    public Map<TopicPartition, Long> beginning() {
        final Map<TopicPartition, Long> zeros = new HashMap<>();
        ends.keySet().forEach(partition -> zeros.put(partition, 0L));
        return zeros;
    }

    /**
     * Consumer settings for reading a snapshot: read_committed, no group (partitions are assigned
     * by hand, nothing is committed), byte arrays (each reader decodes and skips poison itself).
     */
    public static Properties readCommitted(final String bootstrapServers) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Offset 0 of a topic whose oldest records expired is out of range: start at its log start.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Asking for a topic that does not exist must not create it (a broker may auto-create).
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // An unreachable broker fails the command in 15 s instead of the client default of 60 s.
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_API_TIMEOUT_MS);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
