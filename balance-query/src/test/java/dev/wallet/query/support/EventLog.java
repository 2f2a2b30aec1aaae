package dev.wallet.query.support;

import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes events to the wallet topics as the write side would (registry serdes, acks=all). */
public final class EventLog implements AutoCloseable {

    private final KafkaProducer<String, AccountEvent> accountEvents;
    private final KafkaProducer<String, TransferEvent> transferEvents;
    private final KafkaProducer<String, byte[]> raw;
    private final Admin admin;

    public EventLog(final String bootstrapServers) {
        accountEvents = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers),
                Topics.ACCOUNT_EVENTS.keySerde().serializer(), Topics.ACCOUNT_EVENTS.valueSerde().serializer());
        transferEvents = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers),
                Topics.TRANSFER_EVENTS.keySerde().serializer(), Topics.TRANSFER_EVENTS.valueSerde().serializer());
        raw = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers), new StringSerializer(),
                new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sends the events in order, keyed by account, and waits until the broker has them. */
    public void accounts(final AccountEvent... events) {
        for (final AccountEvent event : events) {
            accountEvents.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS.name(), event.getAccountId(), event));
        }
        accountEvents.flush();
    }

    public void accounts(final List<AccountEvent> events) {
        accounts(events.toArray(AccountEvent[]::new));
    }

    /** Sends the events in order, keyed by transaction, and waits until the broker has them. */
    public void transfers(final TransferEvent... events) {
        for (final TransferEvent event : events) {
            transferEvents.send(new ProducerRecord<>(Topics.TRANSFER_EVENTS.name(), event.getTransactionId(), event));
        }
        transferEvents.flush();
    }

    /** Sends bytes that are no event at all to {@code topic}. */
    public void garbage(final String topic, final String key) {
        raw.send(new ProducerRecord<>(topic, key, new byte[] {0x42, 0x13, 0x37}));
        raw.flush();
    }

    /** The end offset of every partition of both projected topics. */
    public Map<TopicPartition, Long> endOffsets() {
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (final String topic : List.of(Topics.ACCOUNT_EVENTS.name(), Topics.TRANSFER_EVENTS.name())) {
            for (int p = 0; p < KafkaBrokerExtension.PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        try {
            final Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        accountEvents.close();
        transferEvents.close();
        raw.close();
        admin.close();
    }
}
