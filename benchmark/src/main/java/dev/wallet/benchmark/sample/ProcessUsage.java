package dev.wallet.benchmark.sample;

/**
 * CPU time and resident memory of one process (or process tree) at one instant.
 *
 * @param cpuTicks    user + system time in clock ticks (of the whole tree for a tree)
 * @param systemTicks the system (kernel) part of {@code cpuTicks}
 * @param rssBytes    resident set size (summed over a tree, so shared memory counts once per process)
 */
public record ProcessUsage(long cpuTicks, long systemTicks, long rssBytes) {
}
