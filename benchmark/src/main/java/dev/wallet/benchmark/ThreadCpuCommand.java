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
 * per PostgreSQL its total. Used to tell a Streams app's own work from its Kafka client's and its
 * store's (docs/benchmarks.md, "Where the Streams apps' CPU goes").
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
        final Map<String, Optional<ProcessUsage>> totalsBefore = new HashMap<>();
        final Map<String, Map<Long, ThreadTicks>> threadsBefore = new HashMap<>();
        final Map<String, Map<Long, String>> names = new HashMap<>();
        for (final WatchedProcess process : processes) {
            totalsBefore.put(process.name(), process.read(procFs));
            if (!process.tree()) {
                threadsBefore.put(process.name(), procFs.threads(process.pid()));
                names.put(process.name(), ThreadCpu.jvmNames(process.pid()));
            }
        }
        Thread.sleep(seconds * 1000L);
        final double ticksPerSecond = ClockTicks.perSecond();
        System.out.printf(Locale.ROOT, "cores used over %d s, by thread group (ids as <id>, numbers as #):%n", seconds);
        for (final WatchedProcess process : processes) {
            final Optional<ProcessUsage> before = totalsBefore.get(process.name());
            final Optional<ProcessUsage> after = process.read(procFs);
            if (before.isEmpty() || after.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s (pid %d): not running%n", process.name(), process.pid());
                continue;
            }
            System.out.printf(Locale.ROOT, "%s (pid %d): %.3f cores%n", process.name(), process.pid(),
                    (after.get().cpuTicks() - before.get().cpuTicks()) / ticksPerSecond / seconds);
            if (process.tree()) {
                continue; // PostgreSQL: processes, not threads; its total says enough here
            }
            final List<Map.Entry<String, Long>> groups = ThreadCpu.ticksGainedByGroup(
                    threadsBefore.get(process.name()), procFs.threads(process.pid()), names.get(process.name()));
            for (final Map.Entry<String, Long> group : groups.subList(0, Math.min(top, groups.size()))) {
                System.out.printf(Locale.ROOT, "  %7.3f  %s%n", group.getValue() / ticksPerSecond / seconds, group.getKey());
            }
        }
        return 0;
    }
}
