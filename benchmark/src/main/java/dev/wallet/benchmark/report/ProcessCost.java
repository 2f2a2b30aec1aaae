package dev.wallet.benchmark.report;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One process's CPU over a step.
 *
 * @param cpuSeconds                user + system CPU time over the step
 * @param averageCores              cpuSeconds / the step's wall seconds
 * @param cpuSecondsPer1000Transfers cpuSeconds per 1000 outcomes of the step (run A, the first, wrote it
 *                                   as {@code cpu_seconds_per1000_transfers}; still read)
 * @param jitAverageCores            the part of averageCores spent by a JVM's JIT compiler threads
 *                                   (0 for PostgreSQL): a step whose JVMs still compile is partly
 *                                   measuring their warm-up
 * @param busiestThreads             a JVM's busiest thread groups with their average cores, busiest
 *                                   first (JVM thread names, ids as {@code <id>} and numbers as
 *                                   {@code #}; see {@code ThreadCpu}); empty for PostgreSQL
 * @param contextSwitchesPerSecond   how often the kernel switched the process's threads (all of the
 *                                   tree's for PostgreSQL) in or out, per wall second of the step: a
 *                                   lower bound, as a thread that ended within the step is not counted;
 *                                   0 where not measured (runs before 27 Nov 2026, the baseline)
 * @param contextSwitchesPerTransfer the same per outcome of the step
 * @param systemShare                the share of cpuSeconds the kernel spent on the process's behalf
 *                                   (system time, {@code stime} in {@code /proc/<pid>/stat}; of the
 *                                   whole tree for PostgreSQL): waking, switching and I/O show here;
 *                                   0 where not measured (runs before 28 Nov 2026, the baseline)
 * @param gcPauses                   a JVM's garbage collection pauses over the step, from its
 *                                   performance counters; null for PostgreSQL, for a JVM without
 *                                   counters, in the baseline and in runs before 28 Nov 2026
 */
public record ProcessCost(double cpuSeconds, double averageCores,
                          @JsonProperty("cpu_seconds_per_1000_transfers")
                          @JsonAlias("cpu_seconds_per1000_transfers") double cpuSecondsPer1000Transfers,
                          double jitAverageCores, Map<String, Double> busiestThreads,
                          double contextSwitchesPerSecond, double contextSwitchesPerTransfer, double systemShare,
                          GcPauses gcPauses) {

    /** Computes the cost of {@code cpuSeconds} over {@code wallSeconds} and {@code outcomes}, no JIT share. */
    public static ProcessCost of(final double cpuSeconds, final double wallSeconds, final long outcomes) {
        return of(cpuSeconds, 0, 0, Map.of(), 0, null, wallSeconds, outcomes);
    }

    /**
     * As {@link #of(double, double, long)}, with {@code systemSeconds} of the CPU spent in the kernel,
     * {@code jitSeconds} spent compiling, the CPU-seconds of its busiest thread groups, busiest first,
     * its threads' {@code contextSwitches} and its {@code gcPauses} (null if none were measured).
     */
    public static ProcessCost of(final double cpuSeconds, final double systemSeconds, final double jitSeconds,
                                 final Map<String, Double> threadSeconds, final long contextSwitches,
                                 final GcPauses gcPauses, final double wallSeconds, final long outcomes) {
        final Map<String, Double> threadCores = new LinkedHashMap<>();
        threadSeconds.forEach((group, seconds) -> threadCores.put(group, wallSeconds <= 0 ? 0 : round(seconds / wallSeconds)));
        return new ProcessCost(round(cpuSeconds), wallSeconds <= 0 ? 0 : round(cpuSeconds / wallSeconds),
                outcomes <= 0 ? 0 : round(cpuSeconds * 1000.0 / outcomes),
                wallSeconds <= 0 ? 0 : round(jitSeconds / wallSeconds), Collections.unmodifiableMap(threadCores),
                wallSeconds <= 0 ? 0 : Math.round(contextSwitches / wallSeconds),
                outcomes <= 0 ? 0 : round(contextSwitches / (double) outcomes),
                cpuSeconds <= 0 ? 0 : round(systemSeconds / cpuSeconds), gcPauses);
    }

    private static double round(final double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
