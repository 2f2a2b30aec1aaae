package dev.wallet.query.projection;

import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.topics.Topics;
import java.util.function.Consumer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one poll into a {@link ProjectionBatch}. A record that cannot be deserialized (a poison
 * record, or a tombstone), or whose event holds a value the tables refuse ({@link EventValues}), is
 * skipped, logged with topic/partition/offset and counted; it never stops the projection. Its offset
 * still counts as projected, since there is nothing to project.
 * A {@link Listener} sees every decoded event too (the operators' rebuild verifies from them).
 */
public final class BatchDecoder {

    /** Sees each decoded event with the record it came from. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void accountEvent(final AccountEvent event, final ConsumerRecord<byte[], byte[]> record) {
        }

        default void transferEvent(final TransferEvent event, final ConsumerRecord<byte[], byte[]> record) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchDecoder.class);

    private final Deserializer<AccountEvent> accountEvents = Topics.ACCOUNT_EVENTS.valueSerde().deserializer();
    private final Deserializer<TransferEvent> transferEvents = Topics.TRANSFER_EVENTS.valueSerde().deserializer();
    private final Consumer<String> poisonCounter;
    private final Listener listener;

    BatchDecoder(final ProjectionMetrics metrics) {
        this(metrics::poisonRecord, Listener.NONE);
    }

    /**
     * @param poisonCounter told the topic of each record skipped as undecodable
     * @param listener      sees each decoded event
     */
    public BatchDecoder(final Consumer<String> poisonCounter, final Listener listener) {
        this.poisonCounter = poisonCounter;
        this.listener = listener;
    }

    public ProjectionBatch batchOf(final Iterable<ConsumerRecord<byte[], byte[]>> records) {
        final ProjectionBatch batch = new ProjectionBatch();
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            add(batch, record);
        }
        return batch;
    }

    private void add(final ProjectionBatch batch, final ConsumerRecord<byte[], byte[]> record) {
        long eventAtMs;
        try {
            if (record.topic().equals(Topics.ACCOUNT_EVENTS.name())) {
                final AccountEvent event = projectable(
                        required(accountEvents.deserialize(record.topic(), record.value())));
                batch.addAccountEvent(event);
                listener.accountEvent(event, record);
                eventAtMs = event.getOccurredAt().toEpochMilli();
            } else {
                final TransferEvent event = projectable(
                        required(transferEvents.deserialize(record.topic(), record.value())));
                batch.addTransferEvent(event, record.partition(), record.offset());
                listener.transferEvent(event, record);
                eventAtMs = event.getOccurredAt().toEpochMilli();
            }
        } catch (SerializationException | UnprojectableEvent e) {
            final String what = e instanceof UnprojectableEvent
                    ? "a record the read model cannot hold" : "an undeserializable record";
            LOG.error("Skipped {} at topic {} partition {} offset {}: {}",
                    what, record.topic(), record.partition(), record.offset(), e.getMessage());
            poisonCounter.accept(record.topic());
            // No event time: the record's own timestamp stands in for it in the progress table.
            eventAtMs = record.timestamp();
        }
        batch.addProgress(record.topic(), record.partition(), record.offset() + 1, eventAtMs);
    }

    /** Counts and logs a record PostgreSQL refused to store, skipped by the caller. */
    void refused(final ConsumerRecord<byte[], byte[]> record, final String reason) {
        LOG.error("Skipped a record PostgreSQL refuses to store at topic {} partition {} offset {}: {}",
                record.topic(), record.partition(), record.offset(), reason);
        poisonCounter.accept(record.topic());
    }

    private static <T extends IndexedRecord> T projectable(final T event) {
        final String problem = EventValues.problemWith(event);
        if (problem != null) {
            throw new UnprojectableEvent(problem);
        }
        return event;
    }

    /** An event that decoded but holds a value the tables refuse. */
    private static final class UnprojectableEvent extends RuntimeException {
        UnprojectableEvent(final String message) {
            super(message, null, false, false);
        }
    }

    private static <T> T required(final T value) {
        if (value == null) {
            throw new SerializationException("record has no value (tombstone)");
        }
        return value;
    }
}
