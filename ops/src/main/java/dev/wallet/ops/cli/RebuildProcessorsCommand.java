package dev.wallet.ops.cli;

import dev.wallet.ops.audit.AuditReport;
import dev.wallet.ops.processor.ProcessorRebuild;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet-ops rebuild-processors}: the account processor's state, folded from the ledger. */
@Command(name = "rebuild-processors", mixinStandardHelpOptions = true,
        description = {"Folds wallet.account-events into the account processor's stored form per account and "
                + "compares it with the processor's state (its account-balances changelog). With --apply (the "
                + "processor stopped) writes the rebuilt record of every differing account into the changelog in "
                + "one transaction, so the processor restores it on start, optionally deletes its local state "
                + "(--state-dir), and verifies the changelog then equals the ledger.",
                "Exit code 0: equal (or rebuilt and verified); 1: differences; 2: failed."})
public final class RebuildProcessorsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--apply", description = "Write the rebuilt state (the processor must be stopped).")
    boolean apply;

    @Option(names = "--state-dir", description = "The processor's Kafka Streams state directory; with --apply its "
            + "local state for the application id is deleted (bin/wallet: .data/state/account-processor).")
    Path stateDir;

    @Option(names = "--json", description = "Print the report as JSON (progress goes to stderr).")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    public RebuildProcessorsCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        final PrintStream progressOut = json ? err : out;
        final AuditReport report = new ProcessorRebuild(connection.bootstrapServers, connection.processorAppId,
                Progress.on(progressOut, connection.plainProgress), progressOut).run(apply, stateDir);
        return Reports.print(report, json, out);
    }
}
