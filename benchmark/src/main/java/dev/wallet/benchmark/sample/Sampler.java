package dev.wallet.benchmark.sample;

import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Every second: outcomes per second and their latency, the read side's lag and each watched
 * process's cores and resident memory, as a time series; and on demand a snapshot of cumulative CPU
 * per process, from which a step's CPU-seconds are the difference of two snapshots.
 */
public final class Sampler implements AutoCloseable {

    private final List<WatchedProcess> processes;
    private final ProcFs procFs;
    private final LongSupplier outcomes;
    private final Supplier<Histogram> latencies;
    private final LongSupplier lagRecords;
    private final double ticksPerSecond;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "benchmark-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile String step = "idle";
    private long previousNanos;
    private long previousOutcomes;
    private Map<String, Long> previousTicks = new LinkedHashMap<>();

    /**
     * @param outcomes  outcomes seen so far
     * @param latencies latencies (µs) of the outcomes seen since the last call; null for none
     */
    public Sampler(final List<WatchedProcess> processes, final ProcFs procFs, final LongSupplier outcomes,
                   final Supplier<Histogram> latencies, final LongSupplier lagRecords, final double ticksPerSecond) {
        this.processes = List.copyOf(processes);
        this.procFs = procFs;
        this.outcomes = outcomes;
        this.latencies = latencies;
        this.lagRecords = lagRecords;
        this.ticksPerSecond = ticksPerSecond;
    }

    public void start() {
        previousNanos = System.nanoTime();
        previousOutcomes = outcomes.getAsLong();
        latencies.get(); // drops what was recorded before the first second, as previousOutcomes does
        usage().forEach((name, usage) -> previousTicks.put(name, usage.cpuTicks()));
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Names the step the following samples belong to. */
    public void step(final String name) {
        step = name;
    }

    /** The kernel's clock ticks per second that this sampler's tick counts are in. */
    public double ticksPerSecond() {
        return ticksPerSecond;
    }

    /** The whole machine's cumulative CPU ticks by kind now; null when {@code /proc/stat} cannot be read. */
    public ProcFs.CpuTicks machine() {
        return procFs.machine();
    }

    /** Each process's cumulative CPU ticks (and their system part) now. */
    public Map<String, ProcessUsage> usage() {
        final Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            process.read(procFs).ifPresent(now -> usage.put(process.name(), now));
        }
        return usage;
    }

    /** Every thread of each JVM with its cumulative CPU ticks now, by thread id (none for PostgreSQL). */
    public Map<String, Map<Long, ThreadTicks>> threads() {
        final Map<String, Map<Long, ThreadTicks>> threads = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            threads.put(process.name(), process.threads(procFs));
        }
        return threads;
    }

    /**
     * The full thread names of each JVM by thread id, from {@code jcmd} ({@link ThreadCpu#jvmNames}).
     * It starts a JVM per process, so call it outside a measured interval.
     */
    public Map<String, Map<Long, String>> jvmThreadNames() {
        final Map<String, Map<Long, String>> names = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            names.put(process.name(), process.jvmThreadNames());
        }
        return names;
    }

    /**
     * JIT CPU-seconds per process between two {@link #threads()} snapshots: a lower bound, see
     * {@link ProcFs#gainedPerThread}.
     */
    public Map<String, Double> jitSecondsBetween(final Map<String, Map<Long, ThreadTicks>> before,
                                                 final Map<String, Map<Long, ThreadTicks>> after) {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((name, threads) -> seconds.put(name, ProcFs.gainedPerThread(
                ProcFs.jitOnly(before.getOrDefault(name, Map.of())), ProcFs.jitOnly(threads)) / ticksPerSecond));
        return seconds;
    }

    /**
     * CPU-seconds of each process's busiest thread groups ({@link ThreadCpu#group}) between two
     * {@link #threads()} snapshots, at most {@code top} per process, busiest first.
     */
    public Map<String, Map<String, Double>> threadSecondsBetween(final Map<String, Map<Long, ThreadTicks>> before,
                                                                 final Map<String, Map<Long, ThreadTicks>> after,
                                                                 final Map<String, Map<Long, String>> names,
                                                                 final int top) {
        final Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();
        after.forEach((name, threads) -> {
            final Map<String, Double> groups = new LinkedHashMap<>();
            for (final Map.Entry<String, Long> group : ThreadCpu.ticksGainedByGroup(before.getOrDefault(name, Map.of()),
                    threads, names.getOrDefault(name, Map.of()))) {
                if (groups.size() == top || group.getValue() == 0) {
                    break;
                }
                groups.put(group.getKey(), group.getValue() / ticksPerSecond);
            }
            seconds.put(name, groups);
        });
        return seconds;
    }

    /** Each JVM's garbage collections so far ({@link WatchedProcess#gc}); processes without counters are left out. */
    public Map<String, JvmPerfData.GcTotals> gc() {
        final Map<String, JvmPerfData.GcTotals> gc = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            process.gc().ifPresent(totals -> gc.put(process.name(), totals));
        }
        return gc;
    }

    /** Each process's context switches now, per thread ({@link WatchedProcess#contextSwitches}). */
    public Map<String, Map<Long, Long>> contextSwitches() {
        final Map<String, Map<Long, Long>> switches = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            switches.put(process.name(), process.contextSwitches(procFs));
        }
        return switches;
    }

    /**
     * Context switches per process between two {@link #contextSwitches()} snapshots: a lower bound,
     * see {@link ProcFs#gainedPerThread}. A process missing from {@code after} is left out.
     */
    public static Map<String, Long> contextSwitchesBetween(final Map<String, Map<Long, Long>> before,
                                                           final Map<String, Map<Long, Long>> after) {
        final Map<String, Long> switches = new LinkedHashMap<>();
        after.forEach((name, threads) -> {
            if (!threads.isEmpty()) {
                switches.put(name, ProcFs.gainedPerThread(before.getOrDefault(name, Map.of()), threads));
            }
        });
        return switches;
    }

    /**
     * Seconds per process between two {@link #usage()} snapshots, of the ticks {@code which} picks
     * ({@link ProcessUsage#cpuTicks} or {@link ProcessUsage#systemTicks}).
     */
    public Map<String, Double> secondsBetween(final Map<String, ProcessUsage> before,
                                              final Map<String, ProcessUsage> after,
                                              final ToLongFunction<ProcessUsage> which) {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((name, now) -> {
            final ProcessUsage earlier = before.get(name);
            if (earlier != null) {
                seconds.put(name, (which.applyAsLong(now) - which.applyAsLong(earlier)) / ticksPerSecond);
            }
        });
        return seconds;
    }

    /** The series so far. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Seconds since the sampler started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Takes one sample; run every second by the timer. */
    void sample() {
        final long now = System.nanoTime();
        final long outcomesNow = outcomes.getAsLong();
        final Sample.Latency latency = Sample.Latency.of(latencies.get());
        final long lag = lagRecords.getAsLong();
        final Map<String, Double> cores = new LinkedHashMap<>();
        final Map<String, Long> rss = new LinkedHashMap<>();
        final Map<String, Long> ticksNow = new LinkedHashMap<>();
        final double seconds = (now - previousNanos) / 1e9;
        for (final WatchedProcess process : processes) {
            final Optional<ProcessUsage> usage = process.read(procFs);
            if (usage.isEmpty()) {
                continue;
            }
            ticksNow.put(process.name(), usage.get().cpuTicks());
            rss.put(process.name(), usage.get().rssBytes() / (1024 * 1024));
            final Long before = previousTicks.get(process.name());
            if (before != null && seconds > 0) {
                cores.put(process.name(), round3((usage.get().cpuTicks() - before) / ticksPerSecond / seconds));
            }
        }
        final long perSecond = seconds > 0 ? Math.round((outcomesNow - previousOutcomes) / seconds) : 0;
        synchronized (this) {
            samples.add(new Sample(round3((now - startNanos) / 1e9), step, perSecond, latency, lag, cores, rss));
        }
        previousNanos = now;
        previousOutcomes = outcomesNow;
        previousTicks = ticksNow;
    }

    private static double round3(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
