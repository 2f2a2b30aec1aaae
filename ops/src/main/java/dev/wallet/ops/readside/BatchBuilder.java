package dev.wallet.ops.readside;

import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.query.projection.ProjectionBatch;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one poll of both topics into the read side's own {@link ProjectionBatch} (so the rebuilt
 * rows are exactly what the live projector writes) and, from the same decoded events, feeds the
 * ledger fold and transfer outcomes the rebuild is verified against. A record that cannot be
 * decoded is skipped, logged with topic/partition/offset and counted, as the live projector does;
 * its offset still counts as projected.
 */
final class BatchBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(BatchBuilder.class);

    private final Deserializer<AccountEvent> accountEvents = Topics.ACCOUNT_EVENTS.valueSerde().deserializer();
    private final Deserializer<TransferEvent> transferEvents = Topics.TRANSFER_EVENTS.valueSerde().deserializer();
    private final LedgerFold ledger;
    private final TransferOutcomes transfers;
    private long skipped;

    BatchBuilder(final LedgerFold ledger, final TransferOutcomes transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    ProjectionBatch batchOf(final ConsumerRecords<byte[], byte[]> records) {
        final ProjectionBatch batch = new ProjectionBatch();
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            add(batch, record);
        }
        return batch;
    }

    private void add(final ProjectionBatch batch, final ConsumerRecord<byte[], byte[]> record) {
        final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        long eventAtMs;
        try {
            if (record.topic().equals(Topics.ACCOUNT_EVENTS.name())) {
                final AccountEvent event = required(accountEvents.deserialize(record.topic(), record.value()));
                batch.addAccountEvent(event);
                ledger.accept(event, where);
                eventAtMs = event.getOccurredAt().toEpochMilli();
            } else {
                final TransferEvent event = required(transferEvents.deserialize(record.topic(), record.value()));
                batch.addTransferEvent(event, record.partition(), record.offset());
                transfers.accept(event, where);
                eventAtMs = event.getOccurredAt().toEpochMilli();
            }
        } catch (SerializationException e) {
            skipped++;
            LOG.warn("Skipped an undecodable record at topic {} partition {} offset {}: {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            eventAtMs = record.timestamp();
        }
        batch.addProgress(record.topic(), record.partition(), record.offset() + 1, eventAtMs);
    }

    private static <T> T required(final T value) {
        if (value == null) {
            throw new SerializationException("record has no value (tombstone)");
        }
        return value;
    }

    /** Records skipped because they could not be decoded. */
    long skipped() {
        return skipped;
    }
}
