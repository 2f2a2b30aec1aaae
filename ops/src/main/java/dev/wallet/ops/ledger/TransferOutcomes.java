package dev.wallet.ops.ledger;

import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds {@code wallet.transfer-events} into each transfer's furthest phase. Duplicate and conflict
 * events answer repeated requests and never change the original transfer, so they are counted and
 * otherwise ignored.
 */
public final class TransferOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(TransferOutcomes.class);

    private final Deserializer<TransferEvent> deserializer = Topics.TRANSFER_EVENTS.valueSerde().deserializer();
    private final Map<String, TransferState> transfers = new HashMap<>();
    private final Set<String> duplicated = new HashSet<>();
    private final Findings findings;
    private long events;
    private long duplicates;

    public TransferOutcomes(final Findings findings) {
        this.findings = findings;
    }

    /** Folds one poll of transfer-event records. */
    public void accept(final ConsumerRecords<byte[], byte[]> records) {
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            final TransferEvent event;
            try {
                event = record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                skip(where, e.getMessage());
                continue;
            }
            if (event == null) {
                skip(where, "no value (tombstone)");
                continue;
            }
            accept(event, where);
        }
    }

    private void skip(final String where, final String why) {
        LOG.warn("Skipped an undecodable transfer event at {}: {}", where, why);
        findings.add(Rule.UNDECODABLE_RECORD, "record", where, why);
    }

    /** Folds one decoded transfer event found at {@code where}. */
    public void accept(final TransferEvent event, final String where) {
        events++;
        final Object body = event.getBody();
        if (body instanceof TransferDuplicate || body instanceof TransferDuplicateConflict) {
            duplicates++;
            duplicated.add(event.getTransactionId());
            return;
        }
        final TransferState seen = transfers.get(event.getTransactionId());
        final TransferState next = stateOf(event, where, seen);
        if (seen == null || TransferState.rankOf(next.phase()) > TransferState.rankOf(seen.phase())) {
            transfers.put(event.getTransactionId(), next);
        }
    }

    private static TransferState stateOf(final TransferEvent event, final String where, final TransferState seen) {
        final Object body = event.getBody();
        Long source = seen == null ? null : seen.sourceSequence();
        Long destination = null;
        Boolean refunded = null;
        if (body instanceof TransferDebited debited) {
            source = debited.getSourceSequence();
        } else if (body instanceof TransferCompleted completed) {
            source = completed.getSourceSequence();
            destination = completed.getDestinationSequence();
        } else if (body instanceof TransferFailed failed) {
            refunded = failed.getRefunded();
        }
        return new TransferState(event.getTransactionId(), event.getFromAccount(), event.getToAccount(),
                event.getAmountMinor(), event.getCurrency(), event.getPhase(), refunded, source, destination,
                event.getOccurredAt().toEpochMilli(), where);
    }

    /** Every transfer by transaction_id. */
    public Map<String, TransferState> transfers() {
        return transfers;
    }

    /**
     * Whether {@code transactionId} appears only in duplicate events (the read side keeps a row
     * for it from the duplicate's view).
     */
    public boolean knownOnlyFromDuplicates(final String transactionId) {
        return duplicated.contains(transactionId) && !transfers.containsKey(transactionId);
    }

    public long events() {
        return events;
    }

    public long duplicates() {
        return duplicates;
    }
}
