package dev.wallet.ops.audit;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.ops.kafka.SnapshotReader;
import dev.wallet.ops.kafka.TopicSnapshot;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.LedgerReplay;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.ops.processor.ProcessorGroup;
import dev.wallet.ops.processor.ProcessorState;
import dev.wallet.ops.processor.RebuiltAccounts;
import dev.wallet.ops.processor.StateComparison;
import dev.wallet.ops.progress.ReplayProgress;
import dev.wallet.ops.readside.ReadSideComparison;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The audit: replays the ledger and the transfer outcomes, checks the ledger's own rules and the
 * transfers' entries, then compares the read side and the account processor's state with it.
 */
public final class Audit {

    private final AuditSettings settings;
    private final BiFunction<String, Long, ReplayProgress> progress;

    public Audit(final AuditSettings settings, final BiFunction<String, Long, ReplayProgress> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the audit at {@code now} (the clock pending transfers age against). */
    public AuditReport run(final Instant now) throws InterruptedException {
        final Findings findings = new Findings();
        final AuditReport report = new AuditReport("wallet audit", findings);
        final LedgerFold ledger = new LedgerFold(findings);
        final TransferOutcomes transfers = new TransferOutcomes(findings);
        final LedgerReplay replay = new LedgerReplay(settings.bootstrapServers(), progress);
        replay.replay(ledger, transfers);
        final LedgerChecks checks = new LedgerChecks(findings, now, settings.pendingOlderThan());
        checks.check(ledger, transfers);
        describeLedger(report, replay, ledger, transfers, checks);
        compareReadSide(report, replay, ledger, transfers);
        compareProcessor(report, ledger, findings);
        return report;
    }

    private static void describeLedger(final AuditReport report, final LedgerReplay replay, final LedgerFold ledger,
                                       final TransferOutcomes transfers, final LedgerChecks checks) {
        report.figure("ledger snapshot end offsets", offsets(replay.ledgerSnapshot()));
        report.figure("transfer-events snapshot end offsets", offsets(replay.transferSnapshot()));
        report.figure("ledger events", ledger.events());
        report.figure("repeated events", ledger.repeatedEvents());
        report.figure("events for unknown accounts (sequence 0)", ledger.unknownAccountEvents());
        report.figure("accounts", ledger.accounts().size());
        report.figure("transfer events", transfers.events());
        report.figure("transfers by phase", checks.phases());
        report.figure("sum of balances per currency", checks.sums());
        report.figure("money in flight per currency", checks.inFlight());
        report.figure("ledger replay speed (events/s)", Math.round(replay.ledgerEventsPerSecond()));
    }

    private void compareReadSide(final AuditReport report, final LedgerReplay replay, final LedgerFold ledger,
                                 final TransferOutcomes transfers) throws InterruptedException {
        if (settings.jdbcUrl() == null || settings.jdbcUrl().isBlank()) {
            report.note("read side not compared (no --jdbc-url)");
            return;
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(),
                settings.jdbcPassword())) {
            final ReadSideComparison comparison = new ReadSideComparison(connection, settings.schema(),
                    report.findings());
            comparison.compare(replay.recordEnds(), ledger, transfers, settings.readSideWait());
            report.figure("read side rows compared", comparison.rowsCompared());
            report.figure("read side rows newer than the snapshot", comparison.beyondSnapshot());
            report.note("read side " + settings.jdbcUrl() + " schema " + settings.schema() + " compared"
                    + (comparison.strict() ? " exactly at the snapshot" : "; it had projected past the snapshot, "
                    + "so newer rows were counted, not judged"));
        } catch (SQLException e) {
            // An audit that says nothing about the read side it was asked to compare must not pass.
            throw new IllegalStateException("The read side at " + settings.jdbcUrl() + " (schema " + settings.schema()
                    + ") could not be compared: " + e.getMessage() + ". Pass --no-read-side to audit without it.", e);
        }
    }

    private void compareProcessor(final AuditReport report, final LedgerFold ledger, final Findings findings) {
        final String changelog = ProcessorState.changelogTopic(settings.processorAppId());
        // Captured after the ledger: the state it holds is at or past every event in the ledger snapshot.
        final TopicSnapshot snapshot = TopicSnapshot.capture(settings.bootstrapServers(), changelog);
        if (snapshot.ends().isEmpty()) {
            report.note("processor state NOT compared: topic " + changelog + " does not exist");
            return;
        }
        final boolean stopped = ProcessorGroup.isStopped(settings.bootstrapServers(), settings.processorAppId());
        final ProcessorState state = new ProcessorState(findings);
        try (ReplayProgress replay = progress.apply(changelog, snapshot.records())) {
            new SnapshotReader(settings.bootstrapServers()).read(List.of(snapshot), Map.of(), replay, state::accept);
        }
        final Map<String, StoredAccount> rebuilt = RebuiltAccounts.of(ledger, new Findings());
        final StateComparison comparison = new StateComparison(findings);
        comparison.compare(rebuilt, state.accounts(), changelog, stopped);
        report.figure("processor accounts compared", rebuilt.size());
        report.figure("processor accounts moved on since the snapshot", comparison.ahead());
        report.note("processor state compared through " + changelog + (stopped ? " (processor stopped)"
                : " (processor running: accounts it moved on since the snapshot are counted, not judged)"));
    }

    private static Map<Integer, Long> offsets(final TopicSnapshot snapshot) {
        final Map<Integer, Long> byPartition = new TreeMap<>();
        snapshot.ends().forEach((partition, end) -> byPartition.put(partition.partition(), end));
        return byPartition;
    }
}
