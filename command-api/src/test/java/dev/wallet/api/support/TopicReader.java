package dev.wallet.api.support;

import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the committed records of a topic from the beginning, for assertions. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every committed value of {@code topic} matching {@code filter}, read until the end. */
    public static <V> List<V> readAll(final String bootstrap, final Topic<String, V> topic, final Predicate<V> filter) {
        final Properties props = ExactlyOnce.readCommitted(bootstrap, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            final var partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final var end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            final List<V> values = new ArrayList<>();
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + topic.name() + " in 20 s");
                }
                for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record.value())) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }
}
