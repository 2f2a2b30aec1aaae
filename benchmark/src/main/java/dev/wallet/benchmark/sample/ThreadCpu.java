package dev.wallet.benchmark.sample;

import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's CPU went between two snapshots of its threads ({@link ProcFs#threads}), summed by
 * thread group: the thread's full JVM name when {@code jcmd <pid> Thread.print} gave it (the kernel
 * keeps only 15 characters, so a Streams client's stream thread and state updater look alike
 * there), else the kernel's name, with ids and numbers folded ({@code StreamThread-#}).
 */
public final class ThreadCpu {

    /**
     * A JVM thread's line in {@code Thread.print}: its quoted name, then its native id, in hex on JDK
     * 17 ({@code nid=0x7693}) and in decimal on newer JDKs, 25 among them ({@code nid=9727}).
     */
    private static final Pattern THREAD_LINE = Pattern.compile("^\"(.*)\" .*\\bnid=(?:0x([0-9a-fA-F]+)|(\\d+))\\b");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ThreadCpu() {
    }

    /**
     * The full names of a running JVM's threads by native thread id, from {@code jcmd <pid>
     * Thread.print} (the JDK's own jcmd); empty when it does not answer. It starts a JVM of its own,
     * so callers run it outside a measured interval.
     */
    public static Map<Long, String> jvmNames(final long pid) {
        final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            final Process print = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            final String out = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return print.waitFor(30, TimeUnit.SECONDS) && print.exitValue() == 0 ? namesFromThreadPrint(out) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The JVM names of threads by native thread id, read from {@code Thread.print} output. */
    public static Map<Long, String> namesFromThreadPrint(final String threadPrint) {
        final Map<Long, String> names = new HashMap<>();
        for (final String line : threadPrint.split("\n")) {
            final Matcher thread = THREAD_LINE.matcher(line);
            if (thread.find()) {
                final long nativeId = thread.group(2) != null
                        ? Long.parseLong(thread.group(2), 16) : Long.parseLong(thread.group(3));
                names.put(nativeId, thread.group(1));
            }
        }
        return names;
    }

    /** The group a thread name belongs to: client ids ({@code <id>}) and numbers ({@code #}) folded. */
    public static String group(final String name) {
        return NUMBER.matcher(UUID.matcher(name).replaceAll("<id>")).replaceAll("#");
    }

    /**
     * Ticks each group's threads used from {@code before} to {@code after}, most first. As with
     * {@link ProcFs#gainedPerThread}, a thread started in between counts whole and one that ended in
     * between is lost; a thread id reused under another name counts as a new thread.
     */
    public static List<Map.Entry<String, Long>> ticksGainedByGroup(final Map<Long, ThreadTicks> before,
                                                                  final Map<Long, ThreadTicks> after,
                                                                  final Map<Long, String> jvmNames) {
        final Map<String, Long> byGroup = new HashMap<>();
        after.forEach((tid, thread) -> {
            final ThreadTicks earlier = before.get(tid);
            final long gained = earlier != null && earlier.name().equals(thread.name())
                    ? Math.max(0, thread.ticks() - earlier.ticks()) : thread.ticks();
            byGroup.merge(group(jvmNames.getOrDefault(tid, thread.name())), gained, Long::sum);
        });
        final List<Map.Entry<String, Long>> groups = new ArrayList<>(byGroup.entrySet());
        groups.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return groups;
    }
}
