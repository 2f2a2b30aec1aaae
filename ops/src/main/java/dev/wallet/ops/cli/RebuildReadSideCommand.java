package dev.wallet.ops.cli;

import dev.wallet.ops.audit.AuditReport;
import dev.wallet.ops.readside.ReadModelDatabase;
import dev.wallet.ops.readside.ReadSideRebuild;
import dev.wallet.ops.readside.RebuildSettings;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet-ops rebuild-read-side}: a fresh projection from the topics, swapped in, verified. */
@Command(name = "rebuild-read-side", mixinStandardHelpOptions = true,
        description = {"Rebuilds the PostgreSQL read model from the topics into a fresh schema (the read side's own "
                + "Flyway migrations and projection code) while the live one keeps serving, swaps it in by renaming "
                + "both schemas in one transaction, catches up what the live projector wrote meanwhile, and verifies "
                + "it equals the ledger. The previous tables are kept in a renamed schema unless --drop-old.",
                "Exit code 0: rebuilt and verified; 1: verification found differences; 2: failed."})
public final class RebuildReadSideCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--rebuild-schema", description = "Fresh schema to build into (default: wallet_rebuild_<time>).")
    String rebuildSchema;

    @Option(names = "--old-schema", description = "Name for the previous tables' schema (default: <schema>_old_<time>).")
    String oldSchema;

    @Option(names = "--drop-old", description = "Drop the previous tables once the rebuilt ones verified equal.")
    boolean dropOld;

    @Option(names = "--read-side-wait", defaultValue = "PT30S",
            description = "Bound on waiting for the read side in the verification (default: ${DEFAULT-VALUE}).")
    Duration readSideWait;

    @Option(names = "--json", description = "Print the report as JSON (progress goes to stderr).")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    public RebuildReadSideCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws SQLException, InterruptedException {
        final PrintStream progressOut = json ? err : out;
        final String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        final RebuildSettings settings = new RebuildSettings(connection.bootstrapServers,
                new ReadModelDatabase(connection.jdbcUrl, connection.jdbcUser, connection.jdbcPassword),
                connection.schema,
                rebuildSchema != null ? rebuildSchema : "wallet_rebuild_" + stamp,
                oldSchema != null ? oldSchema : connection.schema + "_old_" + stamp,
                dropOld, readSideWait);
        final AuditReport report = new ReadSideRebuild(settings, Progress.on(progressOut, connection.plainProgress),
                progressOut).run();
        return Reports.print(report, json, out);
    }
}
