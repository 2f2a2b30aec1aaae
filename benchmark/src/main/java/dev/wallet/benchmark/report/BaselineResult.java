package dev.wallet.benchmark.report;

import java.util.Map;

/**
 * The PostgreSQL-alone baseline: the same transfer workload as one SQL transaction per transfer.
 *
 * @param transfersPerSecond (committed + declined) / wall seconds
 * @param committed          transfers that moved money
 * @param declined           transfers declined for insufficient funds (rolled back)
 * @param retries            transactions retried after a deadlock or serialization failure
 * @param moneyConserved     the sum of all balances after the run equals the sum before, and no
 *                           balance is negative
 * @param serverSettings     the settings that make it durable, as the server reported them
 */
public record BaselineResult(String postgresVersion, int clients, int accounts, double seconds,
                             long committed, long declined, long retries, double transfersPerSecond,
                             LatencySummary latency, boolean moneyConserved, Map<String, String> serverSettings,
                             Map<String, ProcessCost> processes) {
}
