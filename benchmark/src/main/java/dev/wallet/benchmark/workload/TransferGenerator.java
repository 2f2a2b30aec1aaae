package dev.wallet.benchmark.workload;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws transfers between the benchmark's user accounts with the configured skew and amounts.
 * Not thread-safe: one generator per sending thread.
 */
public final class TransferGenerator {

    private final List<String> accountIds;
    private final String currency;
    private final AccountPicker picker;
    private final AmountDistribution amounts;
    private final SplittableRandom random;

    public TransferGenerator(final List<String> accountIds, final String currency, final AccountPicker picker,
                             final AmountDistribution amounts, final long seed) {
        if (picker.accounts() != accountIds.size()) {
            throw new IllegalArgumentException("picker over " + picker.accounts() + " accounts, ids for " + accountIds.size());
        }
        this.accountIds = List.copyOf(accountIds);
        this.currency = currency;
        this.picker = picker;
        this.amounts = amounts;
        this.random = new SplittableRandom(seed);
    }

    /** The next transfer, with a random (type 4) UUID drawn from this generator's seed. */
    public PlannedTransfer next() {
        final int[] pair = picker.pickPair(random);
        final UUID id = new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        return new PlannedTransfer(id.toString(), accountIds.get(pair[0]), accountIds.get(pair[1]),
                amounts.nextMinor(random), currency);
    }
}
