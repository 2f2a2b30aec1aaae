package dev.wallet.benchmark.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A process whose CPU and memory the benchmark samples, found through the pid files the local
 * stack writes.
 *
 * @param name  e.g. {@code command-api}, {@code kafka-node-1}, {@code postgres}
 * @param pid   the process id
 * @param tree  whether its descendants count too (PostgreSQL's backends)
 */
public record WatchedProcess(String name, long pid, boolean tree) {

    /** The stack's services as {@code bin/wallet} names them; each writes {@code run/<name>.pid}. */
    public static final List<String> SERVICES =
            List.of("account-processor", "saga-orchestrator", "balance-query", "command-api");

    /** Current usage; empty when the process is gone. */
    public Optional<ProcessUsage> read(final ProcFs procFs) {
        return tree ? procFs.tree(pid) : procFs.process(pid);
    }

    /** Context switches of each of its threads (of the whole tree for a tree) now, by thread id. */
    public Map<Long, Long> contextSwitches(final ProcFs procFs) {
        return tree ? procFs.treeContextSwitches(pid) : procFs.contextSwitches(pid);
    }

    /**
     * Its threads' full JVM names by thread id ({@link ThreadCpu#jvmNames}); none for a tree. Starts
     * a jcmd JVM, so ask outside a measured interval.
     */
    public Map<Long, String> jvmThreadNames() {
        return tree ? Map.of() : ThreadCpu.jvmNames(pid);
    }

    /** How it was started, if it is a JVM: its JDK and options; empty for a tree (PostgreSQL is no JVM). */
    public Optional<ProcFs.JvmLaunch> jvmLaunch(final ProcFs procFs) {
        return tree ? Optional.empty() : procFs.jvmLaunch(pid);
    }

    /** Its garbage collections so far, from its performance counters; empty for a tree (PostgreSQL is no JVM). */
    public Optional<JvmPerfData.GcTotals> gc() {
        return tree ? Optional.empty() : JvmPerfData.counters(pid).flatMap(JvmPerfData::gcTotals);
    }

    /** Its threads with their cumulative CPU ticks; none for a tree (PostgreSQL is no JVM). */
    public Map<Long, ProcFs.ThreadTicks> threads(final ProcFs procFs) {
        return tree ? Map.of() : procFs.threads(pid);
    }

    /**
     * The processes of a stack started by {@code bin/wallet} with {@code WALLET_DATA_DIR=dataDir}:
     * {@code run/<service>.pid}, the brokers' {@code <kafkaDataDir>/node-<id>.pid}, and the
     * PostgreSQL postmaster from {@code postgres/postmaster.pid} (its first line), as a tree.
     */
    public static List<WatchedProcess> ofStack(final Path dataDir, final Path kafkaDataDir) {
        final List<WatchedProcess> found = new ArrayList<>();
        for (final String service : SERVICES) {
            pidIn(dataDir.resolve("run").resolve(service + ".pid"))
                    .ifPresent(pid -> found.add(new WatchedProcess(service, pid, false)));
        }
        try (Stream<Path> files = Files.list(kafkaDataDir)) {
            files.filter(f -> f.getFileName().toString().matches("node-\\d+\\.pid")).sorted().forEach(f ->
                    pidIn(f).ifPresent(pid -> found.add(new WatchedProcess(
                            "kafka-" + f.getFileName().toString().replace(".pid", ""), pid, false))));
        } catch (IOException e) {
            // No broker pid files: the broker is not ours to watch.
        }
        pidIn(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .ifPresent(pid -> found.add(new WatchedProcess("postgres", pid, true)));
        return found;
    }

    /** This JVM, the load generator. */
    public static WatchedProcess self() {
        return new WatchedProcess("load-generator", ProcessHandle.current().pid(), false);
    }

    static Optional<Long> pidIn(final Path pidFile) {
        try {
            final String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
