package dev.wallet.benchmark;

import dev.wallet.benchmark.sample.ClockTicks;
import dev.wallet.benchmark.sample.ProcFs;
import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import dev.wallet.benchmark.sample.ProcessUsage;
import dev.wallet.benchmark.sample.ThreadCpu;
import dev.wallet.benchmark.sample.WatchedProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        final ProcFs procFs = ProcFs.system();
        // Names first: jcmd starts a JVM per process, which the interval must not include.
        final Map<String, Map<Long, String>> names = new HashMap<>();
        for (final WatchedProcess process : processes) {
            names.put(process.name(), process.jvmThreadNames());
        }
        final Map<String, Optional<ProcessUsage>> totalsBefore = new HashMap<>();
        final Map<String, Map<Long, ThreadTicks>> threadsBefore = new HashMap<>();
        final long startNanos = System.nanoTime();
        for (final WatchedProcess process : processes) {
            totalsBefore.put(process.name(), process.read(procFs));
            threadsBefore.put(process.name(), process.threads(procFs));
        }
        Thread.sleep(seconds * 1000L);
        final Map<String, Optional<ProcessUsage>> totalsAfter = new HashMap<>();
        final Map<String, Map<Long, ThreadTicks>> threadsAfter = new HashMap<>();
        for (final WatchedProcess process : processes) {
            totalsAfter.put(process.name(), process.read(procFs));
            threadsAfter.put(process.name(), process.threads(procFs));
        }
        final double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        final double ticksPerSecond = ClockTicks.perSecond();
        System.out.printf(Locale.ROOT, "cores used over %.1f s, by thread group (ids as <id>, numbers as #):%n",
                elapsedSeconds);
        for (final WatchedProcess process : processes) {
            final Optional<ProcessUsage> before = totalsBefore.get(process.name());
            final Optional<ProcessUsage> after = totalsAfter.get(process.name());
            if (before.isEmpty() || after.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s (pid %d): not running%n", process.name(), process.pid());
                continue;
            }
            System.out.printf(Locale.ROOT, "%s (pid %d): %.3f cores%n", process.name(), process.pid(),
                    (after.get().cpuTicks() - before.get().cpuTicks()) / ticksPerSecond / elapsedSeconds);
            final List<Map.Entry<String, Long>> groups = ThreadCpu.ticksGainedByGroup(threadsBefore.get(process.name()),
                    threadsAfter.get(process.name()), names.get(process.name()));
            for (final Map.Entry<String, Long> group : groups.subList(0, Math.min(top, groups.size()))) {
                System.out.printf(Locale.ROOT, "  %7.3f  %s%n", group.getValue() / ticksPerSecond / elapsedSeconds,
                        group.getKey());
            }
        }
        return 0;
    }
}
