package dev.wallet.benchmark;

import dev.wallet.benchmark.sample.ClockTicks;
import dev.wallet.benchmark.sample.ProcFs;
import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import dev.wallet.benchmark.sample.ProcessUsage;
import dev.wallet.benchmark.sample.Sampler;
import dev.wallet.benchmark.sample.WatchedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints which threads of a running stack's processes used the CPU over an interval, from
 * {@code /proc}: per JVM its thread groups (stream thread, producer I/O thread, RocksDB, GC, JIT...),
 * per PostgreSQL its total (its processes are not threads). Used to tell a Streams app's own work from its Kafka client's and its
 * store's (docs/benchmarks.md, "Where the CPU goes by thread").
 */
@Command(name = "thread-cpu", description = "Print the cores each thread group of a running stack's processes "
        + "used over --seconds (from /proc; JVM thread names from jcmd).")
final class ThreadCpuCommand implements Callable<Integer> {

    @Option(names = "--wallet-data-dir", required = true, description = "WALLET_DATA_DIR of the running stack")
    private Path dataDir;

    @Option(names = "--kafka-data-dir", description = "the brokers' data directory (default <wallet-data-dir>/kafka)")
    private Path kafkaDataDir;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds between the two readings")
    private int seconds;

    @Option(names = "--top", defaultValue = "8", description = "thread groups shown per process")
    private int top;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 1 || top < 1) {
            System.err.println("thread-cpu: --seconds and --top take positive numbers.");
            return 2;
        }
        final List<WatchedProcess> processes = WatchedProcess.ofStack(dataDir,
                kafkaDataDir == null ? dataDir.resolve("kafka") : kafkaDataDir);
        if (processes.isEmpty()) {
            System.err.println("thread-cpu: no running stack's pid files under " + dataDir + ".");
            return 1;
        }
        try (Sampler sampler = new Sampler(processes, ProcFs.system(), () -> 0, () -> null, () -> 0, ClockTicks.perSecond())) {
            // Names first: jcmd starts a JVM per process, which the interval must not include.
            final Map<String, Map<Long, String>> names = sampler.jvmThreadNames();
            final long startNanos = System.nanoTime();
            final Map<String, ProcessUsage> usageBefore = sampler.usage();
            final Map<String, Map<Long, ThreadTicks>> threadsBefore = sampler.threads();
            Thread.sleep(seconds * 1000L);
            final Map<String, ProcessUsage> usageAfter = sampler.usage();
            final Map<String, Map<Long, ThreadTicks>> threadsAfter = sampler.threads();
            final double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
            final Map<String, Double> cpu = sampler.secondsBetween(usageBefore, usageAfter, ProcessUsage::cpuTicks);
            final Map<String, Map<String, Double>> groups =
                    sampler.threadSecondsBetween(threadsBefore, threadsAfter, names, top);
            System.out.printf(Locale.ROOT, "cores used over %.1f s, by thread group (ids as <id>, numbers as #):%n",
                    elapsedSeconds);
            for (final WatchedProcess process : processes) {
                final Double cpuSeconds = cpu.get(process.name());
                if (cpuSeconds == null) {
                    System.out.printf(Locale.ROOT, "%s (pid %d): not running%n", process.name(), process.pid());
                    continue;
                }
                System.out.printf(Locale.ROOT, "%s (pid %d): %.3f cores%n", process.name(), process.pid(),
                        cpuSeconds / elapsedSeconds);
                groups.getOrDefault(process.name(), Map.of()).forEach((group, groupSeconds) ->
                        System.out.printf(Locale.ROOT, "  %7.3f  %s%n", groupSeconds / elapsedSeconds, group));
            }
        }
        return 0;
    }
}
