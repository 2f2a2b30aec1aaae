package dev.wallet.ops.readside;

import dev.wallet.ops.audit.AuditReport;
import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.kafka.SnapshotReader;
import dev.wallet.ops.kafka.TopicSnapshot;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.ops.progress.ReplayProgress;
import dev.wallet.schemas.topics.Topics;
import io.r2dbc.pool.ConnectionPool;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the read side from the topics into a fresh schema, swaps it in, catches up and verifies.
 *
 * <ol>
 *   <li>Create the fresh schema and apply the read side's own Flyway migrations in it.</li>
 *   <li>Replay both topics from offset 0 to the end offsets captured at the start, writing with the
 *       read side's own projection code ({@code ProjectionBatch}, {@code ProjectionWriter}). The
 *       live tables keep serving queries and the live projector keeps writing them meanwhile.</li>
 *   <li>Swap in one transaction: the live schema is renamed to the old name, the fresh one to the
 *       live name. Every service resolves table names through its search_path, and PostgreSQL
 *       re-plans cached statements after a schema rename, so the next query or projector batch
 *       uses the rebuilt tables.</li>
 *   <li>Catch up: what the live projector wrote into the old tables between the snapshot and the
 *       swap is not in the rebuilt ones, and its consumer offsets are already past it. So the
 *       rebuild replays from its snapshot's ends (the rebuilt tables' projection_progress at the
 *       swap) to ends captured after the swap. Every write is an idempotent, forward-only upsert,
 *       so replaying what the live projector also writes changes nothing.</li>
 *   <li>Verify the live schema against the ledger fold (the audit's read-side comparison).</li>
 *   <li>Keep the old schema, or drop it with {@code dropOld} when the verification passed.</li>
 * </ol>
 */
public final class ReadSideRebuild {

    private final RebuildSettings settings;
    private final BiFunction<String, Long, ReplayProgress> progress;
    private final PrintStream out;

    public ReadSideRebuild(final RebuildSettings settings, final BiFunction<String, Long, ReplayProgress> progress,
                           final PrintStream out) {
        this.settings = settings;
        this.progress = progress;
        this.out = out;
    }

    /** Runs the rebuild; the report holds the verification's findings. */
    public AuditReport run() throws SQLException, InterruptedException {
        final Findings findings = new Findings();
        final AuditReport report = new AuditReport("read side rebuild", findings);
        final LedgerFold ledger = new LedgerFold(findings);
        final TransferOutcomes transfers = new TransferOutcomes(findings);
        final BatchBuilder builder = new BatchBuilder(ledger, transfers);
        final ReadModelDatabase database = settings.database();
        try (Connection connection = database.connect()) {
            requireAbsent(connection, settings.rebuildSchema());
            requireAbsent(connection, settings.oldSchema());
        }
        out.println("Migrating the fresh schema " + settings.rebuildSchema() + ".");
        database.migrate(settings.rebuildSchema());

        final List<TopicSnapshot> snapshot = capture();
        final Map<TopicPartition, Long> recordEnds = new HashMap<>();
        final long rebuiltRows = project(settings.rebuildSchema(), snapshot, Map.of(), builder, "rebuild",
                report, recordEnds);
        report.figure("rows written into " + settings.rebuildSchema(), rebuiltRows);

        swap(report);

        final List<TopicSnapshot> afterSwap = capture();
        final long caughtUpRows = project(settings.liveSchema(), afterSwap, endsOf(snapshot), builder, "catch-up",
                report, recordEnds);
        report.figure("rows written catching up after the swap", caughtUpRows);
        report.figure("undecodable records skipped", builder.skipped());

        verify(report, recordEnds, ledger, transfers);
        dropOldIfAsked(report);
        return report;
    }

    private List<TopicSnapshot> capture() {
        return List.of(TopicSnapshot.capture(settings.bootstrapServers(), Topics.TRANSFER_EVENTS.name()),
                TopicSnapshot.capture(settings.bootstrapServers(), Topics.ACCOUNT_EVENTS.name()));
    }

    private long project(final String schema, final List<TopicSnapshot> snapshots, final Map<TopicPartition, Long> from,
                         final BatchBuilder builder, final String task, final AuditReport report,
                         final Map<TopicPartition, Long> recordEnds) {
        long total = 0;
        for (final TopicSnapshot snapshot : snapshots) {
            total += snapshot.recordsAfter(from);
        }
        final ConnectionPool pool = settings.database().pool(schema);
        try (ReplayProgress replay = progress.apply(task + " into " + schema, total)) {
            final ProjectionPipeline pipeline = new ProjectionPipeline(ReadModelDatabase.writer(pool), builder);
            recordEnds.putAll(new SnapshotReader(settings.bootstrapServers()).read(snapshots, from, replay,
                    pipeline::accept));
            pipeline.finish();
            report.figure(task + " replay speed (events/s)", Math.round(replay.eventsPerSecond()));
            return pipeline.rows();
        } finally {
            pool.dispose();
        }
    }

    /** Renames live to old and rebuilt to live in one transaction; a lock held too long fails it, nothing half-done. */
    private void swap(final AuditReport report) throws SQLException {
        try (Connection connection = settings.database().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '10s'");
                final boolean liveExists = exists(connection, settings.liveSchema());
                if (liveExists) {
                    statement.execute("ALTER SCHEMA " + quote(settings.liveSchema()) + " RENAME TO "
                            + quote(settings.oldSchema()));
                }
                statement.execute("ALTER SCHEMA " + quote(settings.rebuildSchema()) + " RENAME TO "
                        + quote(settings.liveSchema()));
                connection.commit();
                out.println("Swapped: " + settings.rebuildSchema() + " is now " + settings.liveSchema()
                        + (liveExists ? "; the previous one is kept as " + settings.oldSchema() : "") + ".");
                report.note("swapped in " + settings.rebuildSchema() + " as " + settings.liveSchema()
                        + (liveExists ? "; previous tables kept in schema " + settings.oldSchema() : ""));
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void verify(final AuditReport report, final Map<TopicPartition, Long> recordEnds, final LedgerFold ledger,
                        final TransferOutcomes transfers) throws SQLException, InterruptedException {
        try (Connection connection = settings.database().connect()) {
            final ReadSideComparison comparison = new ReadSideComparison(connection, settings.liveSchema(),
                    report.findings());
            comparison.compare(recordEnds, ledger, transfers, settings.readSideWait());
            report.figure("accounts", ledger.accounts().size());
            report.figure("transfers", transfers.transfers().size());
            report.figure("read side rows compared", comparison.rowsCompared());
            report.figure("read side rows newer than the snapshot", comparison.beyondSnapshot());
            report.note("verified schema " + settings.liveSchema() + " against the ledger"
                    + (comparison.strict() ? " exactly at the snapshot" : "; the live projector had written past "
                    + "it, so newer rows were counted, not judged"));
        }
    }

    private void dropOldIfAsked(final AuditReport report) throws SQLException {
        if (!settings.dropOld()) {
            report.note("drop the previous tables when no longer needed: DROP SCHEMA " + quote(settings.oldSchema())
                    + " CASCADE");
            return;
        }
        if (!report.passed()) {
            report.note("previous tables NOT dropped: the verification failed; they stay in schema "
                    + settings.oldSchema());
            return;
        }
        try (Connection connection = settings.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + quote(settings.oldSchema()) + " CASCADE");
            report.note("dropped the previous tables (schema " + settings.oldSchema() + ")");
        }
    }

    private static Map<TopicPartition, Long> endsOf(final List<TopicSnapshot> snapshots) {
        final Map<TopicPartition, Long> ends = new HashMap<>();
        snapshots.forEach(snapshot -> ends.putAll(snapshot.ends()));
        return ends;
    }

    private static void requireAbsent(final Connection connection, final String schema) throws SQLException {
        if (exists(connection, schema)) {
            throw new IllegalStateException("Schema " + schema + " exists already; the rebuild needs a fresh name "
                    + "(drop it, or choose another with --rebuild-schema / --old-schema).");
        }
    }

    static boolean exists(final Connection connection, final String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    static String quote(final String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
