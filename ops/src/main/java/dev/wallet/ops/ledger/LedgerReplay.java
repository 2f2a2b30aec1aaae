package dev.wallet.ops.ledger;

import dev.wallet.ops.kafka.SnapshotReader;
import dev.wallet.ops.kafka.TopicSnapshot;
import dev.wallet.ops.progress.ReplayProgress;
import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays the ledger and the saga's outcomes from offset 0 to the end offsets captured at the
 * start. The transfer events' ends are captured first, the ledger's second: a transfer outcome is
 * written only after the saga read its ledger events, so every outcome in the snapshot finds its
 * ledger entries in it too.
 */
public final class LedgerReplay {

    private final String bootstrapServers;
    private final BiFunction<String, Long, ReplayProgress> progress;
    private TopicSnapshot transferSnapshot;
    private TopicSnapshot ledgerSnapshot;
    private double ledgerEventsPerSecond;
    private final Map<TopicPartition, Long> recordEnds = new HashMap<>();

    /**
     * @param progress makes the progress of one replay from its task name and total; see
     *                 {@link ReplayProgress#start}
     */
    public LedgerReplay(final String bootstrapServers, final BiFunction<String, Long, ReplayProgress> progress) {
        this.bootstrapServers = bootstrapServers;
        this.progress = progress;
    }

    /** Captures both topics' ends (transfer events first) and folds them into {@code ledger} and {@code transfers}. */
    public void replay(final LedgerFold ledger, final TransferOutcomes transfers) {
        transferSnapshot = TopicSnapshot.capture(bootstrapServers, Topics.TRANSFER_EVENTS.name());
        ledgerSnapshot = TopicSnapshot.capture(bootstrapServers, Topics.ACCOUNT_EVENTS.name());
        final SnapshotReader reader = new SnapshotReader(bootstrapServers);
        try (ReplayProgress replay = progress.apply(Topics.TRANSFER_EVENTS.name(), transferSnapshot.records())) {
            recordEnds.putAll(reader.read(List.of(transferSnapshot), Map.of(), replay, transfers::accept));
        }
        readLedger(reader, ledger);
    }

    /** Captures the ledger's ends and folds it into {@code ledger} (no transfer events). */
    public void replayLedger(final LedgerFold ledger) {
        ledgerSnapshot = TopicSnapshot.capture(bootstrapServers, Topics.ACCOUNT_EVENTS.name());
        readLedger(new SnapshotReader(bootstrapServers), ledger);
    }

    private void readLedger(final SnapshotReader reader, final LedgerFold ledger) {
        try (ReplayProgress replay = progress.apply(Topics.ACCOUNT_EVENTS.name(), ledgerSnapshot.records())) {
            recordEnds.putAll(reader.read(List.of(ledgerSnapshot), Map.of(), replay, ledger::accept));
            ledgerEventsPerSecond = replay.eventsPerSecond();
        }
    }

    public TopicSnapshot transferSnapshot() {
        return transferSnapshot;
    }

    public TopicSnapshot ledgerSnapshot() {
        return ledgerSnapshot;
    }

    /** Per partition read, the offset after its last record in the snapshot. */
    public Map<TopicPartition, Long> recordEnds() {
        return recordEnds;
    }

    /** Replay speed of the ledger, events/s. */
    public double ledgerEventsPerSecond() {
        return ledgerEventsPerSecond;
    }
}
