package dev.wallet.benchmark.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads CPU and memory of processes from Linux's {@code /proc}: {@code /proc/<pid>/stat}
 * (utime, stime, and for a tree's root cutime + cstime of its reaped children) and
 * {@code /proc/<pid>/status} (VmRSS), and per thread {@code /proc/<pid>/task/<tid>/stat} (the CPU
 * of a JVM's JIT compiler threads, or of every thread for {@code wallet-benchmark thread-cpu}).
 */
public final class ProcFs {

    /** Field indexes in {@code /proc/<pid>/stat} after the command name, 0 = field 3 (state). */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    /** Launcher options whose value, the class path, is the next argument; left out of {@link JvmLaunch}. */
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path");

    /** Launcher options whose value is the next argument, kept with it as one option ("--add-opens X"). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--add-opens", "--add-exports", "--add-reads",
            "--add-modules", "--limit-modules", "--module-path", "-p", "--upgrade-module-path", "--patch-module",
            "--enable-native-access");

    private final Path proc;

    public ProcFs(final Path proc) {
        this.proc = proc;
    }

    /** The real {@code /proc}. */
    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /**
     * The whole machine's CPU ticks by kind since boot, summed over its CPUs: the first line of
     * {@code /proc/stat} ({@code cpu user nice system idle iowait irq softirq steal ...}); null when
     * it cannot be read.
     */
    public CpuTicks machine() {
        try (var lines = Files.lines(proc.resolve("stat"))) {
            final String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 9 || !fields[0].equals("cpu")) {
                return null;
            }
            final long[] values = new long[9];
            for (int i = 1; i < 9; i++) {
                values[i] = parseOrZero(fields[i]);
            }
            return new CpuTicks(values[1] + values[2], values[3], values[6] + values[7], values[8], values[5], values[4]);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The machine's cumulative CPU ticks by kind (see {@link #machine()}). */
    public record CpuTicks(long user, long system, long interrupts, long steal, long iowait, long idle) {
    }

    /** Usage of one process; empty when it does not run. */
    public Optional<ProcessUsage> process(final long pid) {
        final long[] stat = stat(pid);
        return stat == null ? Optional.empty()
                : Optional.of(new ProcessUsage(stat[UTIME] + stat[STIME], stat[STIME], rss(pid)));
    }

    /**
     * Usage of a process and all its descendants (PostgreSQL: the postmaster and its backends),
     * plus the root's reaped children, so backends that exited still count.
     */
    public Optional<ProcessUsage> tree(final long rootPid) {
        final long[] rootStat = stat(rootPid);
        if (rootStat == null) {
            return Optional.empty();
        }
        long ticks = rootStat[CUTIME] + rootStat[CSTIME];
        long systemTicks = rootStat[CSTIME];
        long rss = 0;
        for (final long pid : treePids(rootPid)) {
            final long[] stat = pid == rootPid ? rootStat : stat(pid);
            if (stat != null) {
                ticks += stat[UTIME] + stat[STIME];
                systemTicks += stat[STIME];
                rss += rss(pid);
            }
        }
        return Optional.of(new ProcessUsage(ticks, systemTicks, rss));
    }

    /** A process and all its descendants, the root first. */
    private List<Long> treePids(final long rootPid) {
        final Map<Long, List<Long>> children = childrenByParent();
        final List<Long> pids = new ArrayList<>();
        final List<Long> pending = new ArrayList<>(List.of(rootPid));
        while (!pending.isEmpty()) {
            final long pid = pending.remove(pending.size() - 1);
            pids.add(pid);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return pids;
    }

    /**
     * The JIT compiler threads' ticks of a {@link #threads} snapshot, by thread id (HotSpot names them
     * {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}). HotSpot starts and ends compiler
     * threads as its queue grows and shrinks, so compare snapshots per thread ({@link #gainedPerThread}),
     * never as sums.
     */
    public static Map<Long, Long> jitOnly(final Map<Long, ThreadTicks> threads) {
        final Map<Long, Long> ticks = new HashMap<>();
        threads.forEach((tid, thread) -> {
            if (thread.name().startsWith("C1 Compiler") || thread.name().startsWith("C2 Compiler")) {
                ticks.put(tid, thread.ticks());
            }
        });
        return ticks;
    }

    /**
     * Every thread of a process by thread id, with its name as the kernel keeps it (the first 15
     * characters of the JVM's thread name) and its CPU ticks (user + system). Empty for a process
     * that does not run.
     */
    public Map<Long, ThreadTicks> threads(final long pid) {
        return perThread(pid, task -> {
            final String text = Files.readString(task.resolve("stat"));
            final long[] values = fields(text);
            return new ThreadTicks(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')),
                    values[UTIME] + values[STIME]);
        });
    }

    /**
     * What {@code read} makes of each {@code /proc/<pid>/task/<tid>} directory, by thread id; a thread
     * that ended between the listing and the read is left out. Empty for a process that does not run.
     */
    private <T> Map<Long, T> perThread(final long pid, final TaskReader<T> read) {
        final Map<Long, T> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve(Long.toString(pid)).resolve("task"))) {
            for (final Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    threads.put(parseOrZero(task.getFileName().toString()), read.read(task));
                } catch (IOException e) {
                    // ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** Reads one {@code /proc/<pid>/task/<tid>} directory. */
    @FunctionalInterface
    private interface TaskReader<T> {
        T read(Path task) throws IOException;
    }

    /**
     * Context switches of every thread of a process by thread id: {@code voluntary_ctxt_switches}
     * plus {@code nonvoluntary_ctxt_switches} of {@code /proc/<pid>/task/<tid>/status}. Empty for a
     * process that does not run. Compare snapshots per thread with {@link #gainedPerThread}.
     */
    public Map<Long, Long> contextSwitches(final long pid) {
        return perThread(pid, ProcFs::switchesOf);
    }

    /**
     * As {@link #contextSwitches} for a process and all its descendants (PostgreSQL: the postmaster
     * and its backends), every thread by its thread id. A backend that exited is not counted.
     */
    public Map<Long, Long> treeContextSwitches(final long rootPid) {
        if (stat(rootPid) == null) {
            return Map.of();
        }
        final Map<Long, Long> switches = new HashMap<>();
        treePids(rootPid).forEach(pid -> switches.putAll(contextSwitches(pid)));
        return switches;
    }

    /** The context switches of one task directory, voluntary and not. */
    private static long switchesOf(final Path task) throws IOException {
        long count = 0;
        for (final String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                count += parseOrZero(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return count;
    }

    /** A thread's name as the kernel keeps it and the CPU ticks it has used. */
    public record ThreadTicks(String name, long ticks) {
    }

    /**
     * What the threads of {@code after} gained since {@code before}, summed (CPU ticks, or
     * {@link #contextSwitches}): a thread started in between counts whole, a thread that ended in
     * between is lost (its counts can no longer be read), so the result is a lower bound and never
     * negative.
     */
    public static long gainedPerThread(final Map<Long, Long> before, final Map<Long, Long> after) {
        long gained = 0;
        for (final Map.Entry<Long, Long> thread : after.entrySet()) {
            gained += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return gained;
    }

    /**
     * How a JVM was started: the java binary it runs ({@code /proc/<pid>/exe}), the JDK version from
     * that JDK's {@code release} file (null when it has none), and the options on its command line
     * ({@code /proc/<pid>/cmdline}) before the main class, {@code -jar} or {@code -m}, a class path left
     * out and an option given as two arguments ({@code --add-opens X}) kept as one.
     * Empty when the process does not run.
     */
    public Optional<JvmLaunch> jvmLaunch(final long pid) {
        final Path dir = proc.resolve(Long.toString(pid));
        final Path java;
        final String cmdline;
        try {
            java = Files.readSymbolicLink(dir.resolve("exe"));
            cmdline = Files.readString(dir.resolve("cmdline"));
        } catch (IOException e) {
            return Optional.empty();
        }
        final List<String> options = new ArrayList<>();
        final String[] args = cmdline.split("\0");
        for (int i = 1; i < args.length; i++) {
            final String arg = args[i];
            if (CLASS_PATH_OPTIONS.contains(arg)) {
                i++;
            } else if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module") || !arg.startsWith("-")) {
                break;
            } else if (OPTIONS_WITH_VALUE.contains(arg) && i + 1 < args.length) {
                options.add(arg + " " + args[++i]);
            } else {
                options.add(arg);
            }
        }
        return Optional.of(new JvmLaunch(java.toString(), jdkVersion(java), List.copyOf(options)));
    }

    /**
     * How a JVM was started.
     *
     * @param java    the java binary, e.g. {@code /usr/lib/jvm/java-17-openjdk-amd64/bin/java}
     * @param jdk     {@code JAVA_VERSION} of its JDK's {@code release} file, e.g. {@code 17.0.15}; or null
     * @param options its command-line options before the main class, {@code -jar} or {@code -m}, class path
     *                left out, an option given as two arguments kept as one ({@code --add-opens X})
     */
    public record JvmLaunch(String java, String jdk, List<String> options) {

        /** For people: {@code JDK 17.0.15 -Xmx512m -XX:+UseSerialGC}. */
        public String describe() {
            return "JDK " + jdk + options.stream().map(option -> " " + option).collect(Collectors.joining());
        }
    }

    private static String jdkVersion(final Path java) {
        final Path bin = java.getParent();
        if (bin == null || bin.getParent() == null) {
            return null;
        }
        try {
            return Files.readAllLines(bin.getParent().resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The parent of a process; 0 when it does not run. */
    public long parentOf(final long pid) {
        final long[] stat = stat(pid);
        return stat == null ? 0 : stat[PPID];
    }

    /** The numeric fields of {@code /proc/<pid>/stat} after the command name; null if gone. */
    long[] stat(final long pid) {
        final String text;
        try {
            text = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
        } catch (IOException e) {
            return null;
        }
        return fields(text);
    }

    /** The numeric fields of a {@code stat} file's text after the command name. */
    private static long[] fields(final String text) {
        // The command name may hold spaces and parentheses; the fields start after the last ')'.
        final String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        final long[] values = new long[fields.length];
        for (int i = 1; i < fields.length; i++) {
            values[i] = parseOrZero(fields[i]);
        }
        return values;
    }

    private long rss(final long pid) {
        try {
            for (final String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private Map<Long, List<Long>> childrenByParent() {
        final Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .forEach(pid -> {
                        final long[] stat = stat(pid);
                        if (stat != null) {
                            children.computeIfAbsent(stat[PPID], k -> new ArrayList<>()).add(pid);
                        }
                    });
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    private static long parseOrZero(final String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
