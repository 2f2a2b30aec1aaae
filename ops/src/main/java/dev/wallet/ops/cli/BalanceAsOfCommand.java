package dev.wallet.ops.cli;

import dev.wallet.ops.ledger.BalanceAsOf;
import dev.wallet.schemas.money.MinorUnits;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet-ops balance-as-of}: what an account held at an instant or sequence, from the ledger itself. */
@Command(name = "balance-as-of", mixinStandardHelpOptions = true,
        description = {"An account's balance after its newest ledger entry at or before an instant (--at) or a "
                + "sequence (--sequence), read straight from wallet.account-events (the account's partition only).",
                "Exit code 0: answered; 1: unknown account, or the account's events break a ledger rule; 2: failed."})
public final class BalanceAsOfCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account_id.")
    String accountId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Point point;

    /** Exactly one of an instant or a sequence. */
    static final class Point {
        @Option(names = "--at", description = "ISO-8601 instant, e.g. 2026-11-22T08:00:00Z.")
        Instant at;

        @Option(names = "--sequence", description = "The account's ledger sequence.")
        Long sequence;
    }

    private final PrintStream out;

    public BalanceAsOfCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        final BalanceAsOf ledger = new BalanceAsOf(connection.bootstrapServers, Progress.on(out,
                connection.plainProgress));
        final BalanceAsOf.Answer answer = point.at != null
                ? ledger.at(accountId, point.at)
                : ledger.atSequence(accountId, point.sequence);
        if (answer == null) {
            out.println("account " + accountId + ": not in the ledger");
            return 1;
        }
        final String asked = point.at != null ? "at " + point.at : "at sequence " + point.sequence;
        if (answer.entry() == null) {
            out.printf("account %s %s: balance 0 %s (no entry by then; sequence 0)%n", accountId, asked,
                    answer.currency());
        } else {
            out.printf("account %s %s: balance %s %s (%d minor units) after sequence %d, %s at %s%n", accountId, asked,
                    MinorUnits.toDecimalString(answer.balanceMinor(), answer.currency()), answer.currency(),
                    answer.balanceMinor(), answer.sequence(), answer.entry().kind(),
                    Instant.ofEpochMilli(answer.entry().occurredAtMs()));
        }
        answer.findings().kept().forEach(violation -> out.println("  violation: " + violation.line()));
        return answer.findings().isEmpty() ? 0 : 1;
    }
}
