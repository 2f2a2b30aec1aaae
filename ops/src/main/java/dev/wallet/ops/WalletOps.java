package dev.wallet.ops;

import dev.wallet.ops.cli.AuditCommand;
import dev.wallet.ops.cli.BalanceAsOfCommand;
import dev.wallet.ops.cli.RebuildProcessorsCommand;
import dev.wallet.ops.cli.RebuildReadSideCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's entry point: {@code audit}, {@code rebuild-read-side}, {@code rebuild-processors},
 * {@code balance-as-of}. Exit codes: 0 fine, 1 violations or differences found, 2 the command
 * could not run (bad arguments, unreachable broker, ...).
 */
@Command(name = "wallet-ops", mixinStandardHelpOptions = true, version = "wallet-ops 0.1.0",
        description = "Operator commands of the wallet: audit the books, rebuild state by replaying the topics.")
public final class WalletOps {

    /** The command could not run. */
    public static final int EXIT_FAILED = 2;

    private WalletOps() {
    }

    public static void main(final String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with {@code args}; returns its exit code. */
    public static int run(final PrintStream out, final PrintStream err, final String... args) {
        final CommandLine commandLine = new CommandLine(new WalletOps())
                .addSubcommand(new AuditCommand(out, err))
                .addSubcommand(new RebuildReadSideCommand(out, err))
                .addSubcommand(new RebuildProcessorsCommand(out, err))
                .addSubcommand(new BalanceAsOfCommand(out));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, command, parsed) -> {
            err.println("wallet-ops " + command.getCommandName() + " failed: " + exception.getMessage());
            return EXIT_FAILED;
        });
        commandLine.setExitCodeExceptionMapper(exception -> EXIT_FAILED);
        final int code = commandLine.execute(args);
        return code == CommandLine.ExitCode.USAGE ? EXIT_FAILED : code;
    }
}
