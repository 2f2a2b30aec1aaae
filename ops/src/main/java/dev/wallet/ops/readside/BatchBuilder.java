package dev.wallet.ops.readside;

import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.query.projection.BatchDecoder;
import dev.wallet.query.projection.ProjectionBatch;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Turns one poll of both topics into the read side's own {@link ProjectionBatch} with the live
 * projector's own {@link BatchDecoder} (so the rebuilt rows are exactly what it writes) and, from
 * the same decoded events, feeds the ledger fold and transfer outcomes the rebuild is verified
 * against. A record that cannot be decoded is skipped, logged with topic/partition/offset and
 * counted by the decoder, as in the live projector; its offset still counts as projected.
 */
final class BatchBuilder implements BatchDecoder.Listener {

    private final LedgerFold ledger;
    private final TransferOutcomes transfers;
    private final BatchDecoder decoder = new BatchDecoder(topic -> this.skipped++, this);
    private long skipped;

    BatchBuilder(final LedgerFold ledger, final TransferOutcomes transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    ProjectionBatch batchOf(final ConsumerRecords<byte[], byte[]> records) {
        return decoder.batchOf(records);
    }

    @Override
    public void accountEvent(final AccountEvent event, final ConsumerRecord<byte[], byte[]> record) {
        ledger.accept(event, where(record));
    }

    @Override
    public void transferEvent(final TransferEvent event, final ConsumerRecord<byte[], byte[]> record) {
        transfers.accept(event, where(record));
    }

    private static String where(final ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Records skipped because they could not be decoded. */
    long skipped() {
        return skipped;
    }
}
