package dev.wallet.ops.processor;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.ops.audit.AuditReport;
import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.kafka.SnapshotReader;
import dev.wallet.ops.kafka.TopicSnapshot;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.LedgerReplay;
import dev.wallet.ops.progress.ReplayProgress;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Rebuilds the account processor's {@code account-balances} state from the ledger.
 *
 * <p>The state is a fold of {@code wallet.account-events}: per account its type, currency and
 * opening time from the AccountOpened, the balance and sequence of its last entry. The command
 * folds the ledger into the processor's stored form, reads the processor's state from its changelog
 * and reports every difference. With {@code apply} (the processor must be stopped; its consumer
 * group is checked) it writes, in one Kafka transaction, the rebuilt record of every differing
 * account into the changelog (on the partition the key already lives on) and a tombstone for
 * every account the ledger does not hold. Kafka Streams restores a store from its changelog on
 * start (from its checkpoint onward, or from the beginning when the local state is gone), so the
 * processor starts on the rebuilt state; with {@code stateDir} the local state of the application
 * is deleted too, so it restores everything from the changelog. Then the changelog is read again
 * and must equal the rebuilt state.
 *
 * <p>The applied-steps store (what each transaction did, kept for a day for idempotency) is not
 * rebuilt: it is not balance state, and it expires by itself.
 */
public final class ProcessorRebuild {

    /** Transactional id of the rebuild's writes; one rebuild at a time fences an earlier one. */
    static final String TRANSACTIONAL_ID = "wallet-ops-rebuild-processors";

    /** Bound on the committed rebuild becoming visible to read_committed readers. */
    static final Duration VISIBLE_WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String applicationId;
    private final BiFunction<String, Long, ReplayProgress> progress;
    private final PrintStream out;

    public ProcessorRebuild(final String bootstrapServers, final String applicationId,
                            final BiFunction<String, Long, ReplayProgress> progress, final PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.progress = progress;
        this.out = out;
    }

    /**
     * Compares (and with {@code apply} rewrites) the processor's state.
     *
     * @param stateDir the processor's Kafka Streams state directory to wipe on apply; null keeps it
     */
    public AuditReport run(final boolean apply, final Path stateDir) {
        // Stopped before the ledger's snapshot and still after the changelog's: only then can no state
        // the processor wrote be missing from the snapshot (a processor that wrote after the snapshot
        // and stopped before the check would otherwise have its newer accounts rolled back or deleted).
        final boolean stoppedAtSnapshot = ProcessorGroup.isStopped(bootstrapServers, applicationId);
        if (apply && !stoppedAtSnapshot) {
            throw notStopped();
        }
        final Findings ledgerFindings = new Findings();
        final LedgerFold ledger = new LedgerFold(ledgerFindings);
        final LedgerReplay replay = new LedgerReplay(bootstrapServers, progress);
        replay.replayLedger(ledger);
        final Findings findings = new Findings();
        final AuditReport report = new AuditReport(apply ? "processor state rebuild" : "processor state check",
                findings);
        final Map<String, StoredAccount> rebuilt = RebuiltAccounts.of(ledger, findings);
        report.figure("ledger events", ledger.events());
        report.figure("ledger replay speed (events/s)", Math.round(replay.ledgerEventsPerSecond()));
        report.figure("accounts rebuilt", rebuilt.size());
        if (!ledgerFindings.isEmpty()) {
            report.note("the ledger itself breaks " + ledgerFindings.counts() + "; run audit for details");
        }
        final String changelog = ProcessorState.changelogTopic(applicationId);
        final ProcessorState before = readState(changelog, new Findings());
        final boolean stopped = stoppedAtSnapshot && ProcessorGroup.isStopped(bootstrapServers, applicationId);
        final StateComparison comparison = new StateComparison(apply ? new Findings() : findings);
        comparison.compare(rebuilt, before.accounts(), changelog, stopped);
        report.figure("processor accounts before", before.accounts().size());
        report.figure("accounts differing from the ledger", comparison.differing().size());
        if (!apply) {
            report.note(stopped ? "processor stopped" : "processor running: accounts it moved on since the "
                    + "snapshot are counted, not judged (" + comparison.ahead() + ")");
            return report;
        }
        if (!stopped) {
            throw notStopped();
        }
        if (!comparison.aheadOfLedger().isEmpty()) {
            throw new IllegalStateException("The processor's state of " + comparison.aheadOfLedger().size()
                    + " accounts (e.g. " + comparison.aheadOfLedger().get(0) + ") is ahead of the ledger read, so the "
                    + "ledger is missing some of their events; writing would move them back. Nothing was written.");
        }
        final Written written = write(changelog, rebuilt, before, ledger, comparison.differing());
        report.figure("changelog records written", written.records());
        wipe(stateDir, report);
        awaitVisible(written.lastOffsets());
        final ProcessorState after = readState(changelog, findings);
        new StateComparison(findings).compare(rebuilt, withoutUnbuildable(after, ledger, rebuilt), changelog, true);
        report.note("verified: " + changelog + " read again equals the state rebuilt from the ledger");
        return report;
    }

    private IllegalStateException notStopped() {
        return new IllegalStateException("The account processor's group " + applicationId + " has members: stop "
                + "the processor before --apply, so nothing writes its state meanwhile (a stopped instance stays a "
                + "member until its session times out, 10 s by default; try again then).");
    }

    private ProcessorState readState(final String changelog, final Findings findings) {
        final TopicSnapshot snapshot = TopicSnapshot.capture(bootstrapServers, changelog);
        if (snapshot.ends().isEmpty()) {
            throw new IllegalStateException("Topic " + changelog + " does not exist: is " + applicationId
                    + " the account processor's application id (--processor-app-id)?");
        }
        final ProcessorState state = new ProcessorState(findings);
        try (ReplayProgress replay = progress.apply(changelog, snapshot.records())) {
            new SnapshotReader(bootstrapServers).read(List.of(snapshot), Map.of(), replay, state::accept);
        }
        return state;
    }

    /**
     * Writes the rebuilt record of each differing account, and a tombstone for each account the
     * ledger does not hold at all, in one transaction. Accounts the ledger holds but could not
     * rebuild (already reported) are left as they are.
     */
    /** What the rebuild wrote: how many records, and the last offset of each partition written. */
    private record Written(int records, Map<TopicPartition, Long> lastOffsets) {
    }

    private Written write(final String changelog, final Map<String, StoredAccount> rebuilt,
                                            final ProcessorState before, final LedgerFold ledger,
                                            final List<String> differing) {
        final Properties props = ExactlyOnce.producer(bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        final Serializer<StoredAccount> values = AvroSerde.of(StoredAccount.class).serializer();
        final List<ProducerRecord<String, StoredAccount>> records = new ArrayList<>();
        for (final String accountId : differing) {
            if (rebuilt.containsKey(accountId) || !ledger.accounts().containsKey(accountId)) {
                records.add(new ProducerRecord<>(changelog, before.partitions().get(accountId), accountId,
                        rebuilt.get(accountId)));
            }
        }
        final Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        try (KafkaProducer<String, StoredAccount> producer = new KafkaProducer<>(props, new StringSerializer(),
                values)) {
            producer.initTransactions();
            producer.beginTransaction();
            final List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.commitTransaction();
            for (final Future<RecordMetadata> future : sent) {
                final RecordMetadata metadata = future.get();
                lastOffsets.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(),
                        Math::max);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing the rebuilt state failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the rebuilt state.", e);
        }
        out.println("Wrote " + records.size() + " rebuilt record(s) into " + changelog + " in one transaction.");
        return new Written(records.size(), lastOffsets);
    }

    /**
     * Waits (bounded) until the committed writes are visible to read_committed readers: the commit
     * returns before the brokers have written the transaction markers that move the stable offset.
     */
    private void awaitVisible(final Map<TopicPartition, Long> lastOffsets) {
        final long deadlineNs = System.nanoTime() + VISIBLE_WAIT.toNanos();
        for (final Map.Entry<TopicPartition, Long> last : lastOffsets.entrySet()) {
            while (TopicSnapshot.capture(bootstrapServers, last.getKey().topic()).ends()
                    .getOrDefault(last.getKey(), 0L) <= last.getValue()) {
                if (System.nanoTime() > deadlineNs) {
                    throw new IllegalStateException("The rebuilt records in " + last.getKey() + " did not become "
                            + "visible to read_committed readers within " + VISIBLE_WAIT + ".");
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rebuilt records.", e);
        }
    }

    private void wipe(final Path stateDir, final AuditReport report) {
        if (stateDir == null) {
            report.note("the processor restores the rewritten records from " + ProcessorState.changelogTopic(
                    applicationId) + " on its next start (local state, if any, restores from its checkpoint onward)");
            return;
        }
        final Path appState = stateDir.resolve(applicationId);
        if (!Files.isDirectory(appState)) {
            report.note("no local state at " + appState + "; the processor restores everything from the changelog");
            return;
        }
        try (Stream<Path> paths = Files.walk(appState)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the processor's local state " + appState, e);
        }
        report.note("deleted the processor's local state " + appState + "; it restores everything from the changelog");
    }

    /** The state after the rewrite, less the accounts left as they were because the ledger cannot rebuild them. */
    private static Map<String, StoredAccount> withoutUnbuildable(final ProcessorState after, final LedgerFold ledger,
                                                                 final Map<String, StoredAccount> rebuilt) {
        final Map<String, StoredAccount> comparable = new HashMap<>(after.accounts());
        comparable.keySet().removeIf(id -> ledger.accounts().containsKey(id) && !rebuilt.containsKey(id));
        return comparable;
    }
}
