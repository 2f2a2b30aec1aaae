package dev.wallet.ops.cli;

import dev.wallet.ops.audit.Audit;
import dev.wallet.ops.audit.AuditReport;
import dev.wallet.ops.audit.AuditSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet-ops audit}: the books balance, on every side, or the exit code says not. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Replays wallet.account-events and wallet.transfer-events (read_committed, offset 0 to the "
                + "end offsets captured at start) and checks: per-currency sums zero, no USER balance ever "
                + "negative, sequences without gaps or repeats, balance_after consistent, completed transfers with "
                + "one debit and one credit, failed ones with no debit or a refunded one, none pending too long; "
                + "then compares the read side (PostgreSQL) and the account processor's state (its changelog).",
                "Exit code 0: no violation; 1: violations; 2: the audit could not run."})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--pending-older-than", defaultValue = "PT5M",
            description = "A transfer not terminal for longer is a violation (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration pendingOlderThan;

    @Option(names = "--read-side-wait", defaultValue = "PT30S",
            description = "Bound on waiting for the read side to project the snapshot (default: ${DEFAULT-VALUE}).")
    Duration readSideWait;

    @Option(names = "--no-read-side", description = "Do not compare the read side.")
    boolean noReadSide;

    @Option(names = "--json", description = "Print the report as JSON (progress goes to stderr).")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    public AuditCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        final PrintStream progressOut = json ? err : out;
        final AuditSettings settings = new AuditSettings(connection.bootstrapServers,
                noReadSide ? "" : connection.jdbcUrl, connection.jdbcUser, connection.jdbcPassword, connection.schema,
                connection.processorAppId, pendingOlderThan, readSideWait);
        final AuditReport report = new Audit(settings, Progress.on(progressOut, connection.plainProgress))
                .run(Instant.now());
        return Reports.print(report, json, out);
    }
}
