package dev.wallet.benchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark's command line; {@code bin/benchmark} runs its subcommands in order: {@code baseline}
 * (PostgreSQL alone), then {@code load} against a running wallet, which writes {@code results.json}
 * and {@code report.html}.
 */
@Command(name = "wallet-benchmark", mixinStandardHelpOptions = true,
        subcommands = {LoadCommand.class, BaselineCommand.class, FreePortsCommand.class, BrokerRequestsCommand.class,
                BrokerClientsCommand.class, ThreadCpuCommand.class, SecondsCommand.class, RunsCommand.class,
                PairsCommand.class},
        description = "Load generator and PostgreSQL baseline for the wallet.")
public final class BenchmarkCli implements Runnable {

    public static void main(final String[] args) {
        System.exit(new CommandLine(new BenchmarkCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
