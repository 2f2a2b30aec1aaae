package dev.wallet.query.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process and every live descendant, read from {@code /proc} (Linux only): the
 * PostgreSQL postmaster with its backends, WAL writer and checkpointer. A process that ended during
 * the measurement still counts, through its parent's {@code cutime}/{@code cstime} once reaped.
 */
public final class ProcessTreeCpu {

    /** Linux USER_HZ ({@code getconf CLK_TCK}); 100 on every mainstream kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessTreeCpu() {
    }

    /** Microseconds of user + system CPU of {@code rootPid} and its live descendants, reaped children included. */
    public static long micros(final long rootPid) {
        return ticks(rootPid) * 1_000_000L / TICKS_PER_SECOND;
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in its data directory. */
    public static long postmasterPid(final Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no postmaster.pid in " + dataDir, e);
        }
    }

    private static long ticks(final long pid) {
        final String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long total = cpuTicks(stat);
        for (final long child : children(pid)) {
            total += ticks(child);
        }
        return total;
    }

    /** utime + stime + cutime + cstime: fields 14 to 17 of /proc/pid/stat. */
    private static long cpuTicks(final String[] fieldsAfterName) {
        // fieldsAfterName[0] is field 3 (state), so field n is at index n - 3.
        return Long.parseLong(fieldsAfterName[11]) + Long.parseLong(fieldsAfterName[12])
                + Long.parseLong(fieldsAfterName[13]) + Long.parseLong(fieldsAfterName[14]);
    }

    private static long[] children(final long pid) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(candidate -> {
                        final String[] stat = stat(candidate);
                        return stat != null && Long.parseLong(stat[1]) == pid;
                    })
                    .toArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    /** The fields after the command name (which may contain spaces), or null when the process is gone. */
    private static String[] stat(final long pid) {
        try {
            final String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
