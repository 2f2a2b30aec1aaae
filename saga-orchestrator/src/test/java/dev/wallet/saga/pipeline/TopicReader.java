package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code wallet.account-events} and {@code wallet.transfer-events} from the beginning with
 * {@code read_committed}, as any downstream consumer would: only what the apps' transactions
 * committed is seen, so an aborted write of a restarted app never shows up.
 */
final class TopicReader implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<AccountEvent> accountEvents = new ArrayList<>();
    private final List<TransferEvent> transferEvents = new ArrayList<>();

    TopicReader(final String bootstrapServers) {
        final Properties props = ExactlyOnce.readCommitted(bootstrapServers, "saga-pipeline-test-reader");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("max.poll.records", 5_000);
        consumer = new KafkaConsumer<>(props);
        final List<TopicPartition> partitions = new ArrayList<>();
        for (final String topic : List.of(Topics.ACCOUNT_EVENTS.name(), Topics.TRANSFER_EVENTS.name())) {
            for (final PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is there now; returns the count of records read. */
    int poll() {
        int count = 0;
        for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
            count++;
            if (record.topic().equals(Topics.ACCOUNT_EVENTS.name())) {
                accountEvents.add(Topics.ACCOUNT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } else {
                transferEvents.add(Topics.TRANSFER_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            }
        }
        return count;
    }

    /** True once every partition is read up to its last committed offset. */
    boolean caughtUp() {
        final Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    List<AccountEvent> accountEvents() {
        return List.copyOf(accountEvents);
    }

    List<TransferEvent> transferEvents() {
        return List.copyOf(transferEvents);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
