package dev.wallet.saga.topology;

import dev.wallet.saga.definition.TransferSagaDefinition;
import dev.wallet.saga.store.EndedIndex;
import dev.wallet.saga.store.avro.TransferSagaState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the phase-status table: records each saga that ended in the index of ended sagas, and
 * deletes sagas that ended more than the retention ago, at most a batch per run. Sagas that have
 * not ended are never deleted.
 *
 * <p>Each run scans the index from where the last one stopped, not from its start: the keys it
 * deleted stay in RocksDB as tombstones until a compaction, and a scan from the start would step
 * over all of them every run. No saga can end before a purged one (the index key is the end time,
 * and a saga ends at the current time), so nothing is missed; after a restart the first scan starts
 * from the beginning.
 */
final class EndedSagas {

    private static final Logger log = LoggerFactory.getLogger(EndedSagas.class);

    private final KeyValueStore<String, String> index;
    private final KeyValueStore<String, TransferSagaState> transfers;
    private final SagaSettings settings;
    private final SagaMetrics metrics;
    /** The key the next scan starts from: the last one deleted. */
    private String scanFrom = EndedIndex.first();

    EndedSagas(final KeyValueStore<String, String> index, final KeyValueStore<String, TransferSagaState> transfers,
               final SagaSettings settings, final SagaMetrics metrics) {
        this.index = index;
        this.transfers = transfers;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Indexes {@code state} by its end time if it just ended. */
    void recordIfEnded(final TransferSagaState state) {
        if (TransferSagaDefinition.isTerminal(state.getPhase())) {
            index.put(EndedIndex.key(state.getUpdatedAtMs(), state.getTransactionId()), state.getTransactionId());
        }
    }

    /** Deletes up to a batch of sagas that ended before {@code nowMs} minus the retention. */
    void purgeBefore(final long nowMs) {
        final long cutoffMs = nowMs - settings.terminalRetention().toMillis();
        if (cutoffMs <= 0) {
            return;
        }
        final List<KeyValue<String, String>> expired = oldest(cutoffMs);
        for (final KeyValue<String, String> entry : expired) {
            transfers.delete(entry.value);
            index.delete(entry.key);
        }
        if (!expired.isEmpty()) {
            scanFrom = expired.get(expired.size() - 1).key;
            metrics.purged(expired.size());
            log.info("Deleted {} sagas that ended before {} (retention {}).", expired.size(), cutoffMs,
                    settings.terminalRetention());
        }
    }

    private List<KeyValue<String, String>> oldest(final long cutoffMs) {
        // Collected first, deleted after: RocksDB iterators must not see their own deletes mid-scan.
        final List<KeyValue<String, String>> expired = new ArrayList<>();
        final String to = EndedIndex.before(cutoffMs);
        if (scanFrom.compareTo(to) > 0) {
            // The wall clock went back below the last purge; nothing new can be due.
            return expired;
        }
        try (KeyValueIterator<String, String> range = index.range(scanFrom, to)) {
            while (range.hasNext() && expired.size() < settings.purgeBatchMax()) {
                expired.add(range.next());
            }
        }
        return expired;
    }
}
