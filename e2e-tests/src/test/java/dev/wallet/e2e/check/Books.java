package dev.wallet.e2e.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The auditor's checks after a workload: the books balance, on both sides, and agree. */
public final class Books {

    /** Bound on the read side catching up; it is eventually consistent. */
    public static final Duration CATCH_UP = Duration.ofMinutes(3);

    private Books() {
    }

    /** Waits until every given transfer is COMPLETED or FAILED on the read side. */
    public static void awaitTerminal(final ReadSideChecks sql, final Set<String> transactionIds) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            final Map<String, String> phases = sql.phases();
            final List<String> open = new ArrayList<>();
            for (final String id : transactionIds) {
                final String phase = phases.get(id);
                if (!"COMPLETED".equals(phase) && !"FAILED".equals(phase)) {
                    open.add(id + "=" + phase);
                }
            }
            assertThat(open).as("accepted transfers not terminal").isEmpty();
        });
    }

    /**
     * The ledger topic has no sequence gaps or repeats; the read side reflects exactly the ledger;
     * per-currency sums are zero; no user balance is or was negative; every outcome has its entries.
     */
    public static void assertBalanced(final String bootstrapServers, final ReadSideChecks sql) {
        final LedgerFold ledger = LedgerFold.read(bootstrapServers);
        await().atMost(CATCH_UP).untilAsserted(() ->
                assertThat(sql.sequences()).as("read side caught up with the ledger").isEqualTo(
                        ledger.accounts().entrySet().stream().collect(
                                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sequence()))));
        assertThat(ledger.violations()).as("sequence gaps or repeats in the ledger topic").isEmpty();
        assertThat(sql.balances()).as("read side equals write side").isEqualTo(
                ledger.accounts().entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> e.getValue().balanceMinor())));
        assertThat(sql.sumsByCurrency().values()).as("double entry: per-currency sums").containsOnly(0L);
        assertThat(sql.negativeUserBalances()).as("user balances that went below zero").isEmpty();
        assertThat(sql.ledgerGaps()).as("ledger rows not numbered 1..n").isEmpty();
        assertThat(sql.transfersNotMatchingTheLedger()).as("outcomes without matching ledger entries").isEmpty();
    }
}
