package dev.wallet.benchmark;

import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import picocli.CommandLine.Option;

/** The shape of the transfers, shared by the load and the baseline so both run the same workload. */
final class WorkloadOptions {

    @Option(names = "--skew", defaultValue = Defaults.SKEW,
            description = "uniform | zipf:<s> | hot:<fraction>:<share> (default ${DEFAULT-VALUE})")
    String skew;

    @Option(names = "--amounts", defaultValue = Defaults.AMOUNTS,
            description = "uniform:<min>:<max> | lognormal:<mu>:<sigma>, minor units (default ${DEFAULT-VALUE})")
    String amounts;

    @Option(names = "--seed", description = "random seed (default: the clock)")
    Long seed;

    AccountPicker picker(final int accounts) {
        return AccountPicker.parse(skew, accounts);
    }

    AmountDistribution amountDistribution() {
        return AmountDistribution.parse(amounts, Defaults.AMOUNT_MAX_MINOR);
    }

    long seedOrClock() {
        return seed == null ? System.nanoTime() : seed;
    }
}
