package dev.wallet.benchmark;

import dev.wallet.benchmark.baseline.PostgresBaseline;
import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.report.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the PostgreSQL-alone baseline and writes {@code baseline.json} into the results folder. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "The same transfer workload against an embedded PostgreSQL 17 alone (durable commits).")
final class BaselineCommand implements Callable<Integer> {

    /** File name of the baseline's result inside the results folder; {@code load} merges it. */
    static final String FILE = "baseline.json";

    @Option(names = "--results-dir", required = true, description = "folder of this run's results")
    private Path resultsDir;

    @Option(names = "--postgres-dir", required = true, description = "PostgreSQL data directory (wiped first)")
    private Path postgresDir;

    @Option(names = "--accounts", defaultValue = "10000", description = "accounts (default ${DEFAULT-VALUE})")
    private int accounts;

    @Option(names = "--clients", defaultValue = "8", description = "JDBC clients (default ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "duration (default ${DEFAULT-VALUE})")
    private int seconds;

    @Mixin
    private WorkloadOptions workload;


    @Option(names = "--opening-minor", defaultValue = Defaults.FUNDING_MINOR,
            description = "opening balance of each account, minor units")
    private long openingMinor;


    @Override
    public Integer call() throws Exception {
        Files.createDirectories(resultsDir);
        final BaselineResult result = PostgresBaseline.run(new PostgresBaseline.Settings(accounts, clients,
                Duration.ofSeconds(seconds), 0, workload.picker(accounts),
                workload.amountDistribution(), openingMinor,
                workload.seedOrClock(), postgresDir));
        ResultsJson.write(result, resultsDir.resolve(FILE));
        System.out.printf("baseline: %.1f transfers/s (%d clients, %d accounts, p99 %.2f ms, money conserved: %s)%n",
                result.transfersPerSecond(), clients, accounts, result.latency().p99Ms(), result.moneyConserved());
        return result.moneyConserved() ? 0 : 1;
    }
}
