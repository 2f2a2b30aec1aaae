package dev.wallet.benchmark.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A HotSpot JVM's performance counters, read from the memory-mapped file it keeps at
 * {@code /tmp/hsperfdata_<user>/<pid>}: the file {@code jstat} reads. Reading it costs the JVM
 * nothing (no attach, no safepoint), so the benchmark can read it at every step's start and end.
 *
 * <p>The file is a prologue (magic {@code 0xcafec0c0}, byte order, version 2.x, offset and count of
 * the entries) followed by entries, each a header (length, name offset, vector length, type, data
 * offset) with its NUL-terminated name and its data. Only the 64-bit scalar counters (type
 * {@code 'J'}) are read here; strings and other vectors are skipped.
 */
public final class JvmPerfData {

    static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_BYTES = 32;
    private static final byte TYPE_LONG = 'J';

    private JvmPerfData() {
    }

    /**
     * A JVM's garbage collections so far, summed over its collectors' counters
     * ({@code sun.gc.collector.<n>.invocations} and {@code .time}, what {@code jstat} adds up as GC
     * and GCT). HotSpot counts a collector's stop-the-world pauses there: G1 names its three
     * collectors "young collection pauses", "full collection pauses" and "concurrent cycle pauses"
     * (remark and cleanup); Serial's and Parallel's collections are pauses whole.
     *
     * @param pauses      collections (pauses) so far
     * @param pauseNanos  their time so far, in nanoseconds
     */
    public record GcTotals(long pauses, long pauseNanos) {
    }

    /** The garbage collections in {@code counters}; empty when they have no collector or no tick frequency. */
    public static Optional<GcTotals> gcTotals(final Map<String, Long> counters) {
        final Long frequency = counters.get("sun.os.hrt.frequency");
        if (frequency == null || frequency <= 0) {
            return Optional.empty();
        }
        long pauses = 0;
        long ticks = 0;
        int collector = 0;
        for (; counters.containsKey("sun.gc.collector." + collector + ".invocations"); collector++) {
            pauses += counters.get("sun.gc.collector." + collector + ".invocations");
            ticks += counters.getOrDefault("sun.gc.collector." + collector + ".time", 0L);
        }
        if (collector == 0) {
            return Optional.empty();
        }
        return Optional.of(new GcTotals(pauses, Math.round(ticks * (1e9 / frequency))));
    }

    /**
     * The 64-bit counters of the JVM with {@code pid}, by name; empty when it has no counters file
     * (not a HotSpot JVM, started with {@code -XX:-UsePerfData} or {@code -XX:+PerfDisableSharedMem},
     * gone) or the file cannot be read.
     */
    public static Optional<Map<String, Long>> counters(final long pid) {
        return counters(Path.of("/tmp"), pid);
    }

    static Optional<Map<String, Long>> counters(final Path tmp, final long pid) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "hsperfdata_*")) {
            for (final Path dir : dirs) {
                final Path file = dir.resolve(Long.toString(pid));
                if (Files.isRegularFile(file)) {
                    return Optional.of(parse(ByteBuffer.wrap(Files.readAllBytes(file))));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * The 64-bit counters in a counters file's bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a counters file of version 2
     */
    static Map<String, Long> parse(final ByteBuffer file) {
        // The magic is written to be read big-endian; the byte after it gives the order of the rest.
        if (file.limit() < PROLOGUE_BYTES || file.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            throw new IllegalArgumentException("not a JVM performance counters file");
        }
        final ByteBuffer data = file.duplicate().order(file.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        final int majorVersion = data.get(5);
        if (majorVersion != 2) {
            throw new IllegalArgumentException("counters file version " + majorVersion + ", not 2");
        }
        final int entryOffset = data.getInt(24);
        final int entries = data.getInt(28);
        final Map<String, Long> counters = new LinkedHashMap<>();
        int at = entryOffset;
        for (int i = 0; i < entries; i++) {
            final int length = data.getInt(at);
            if (length <= 0) {
                throw new IllegalArgumentException("entry " + i + " has length " + length);
            }
            final int nameOffset = data.getInt(at + 4);
            final int vectorLength = data.getInt(at + 8);
            final byte type = data.get(at + 12);
            final int dataOffset = data.getInt(at + 16);
            if (type == TYPE_LONG && vectorLength == 0) {
                counters.put(name(data, at + nameOffset), data.getLong(at + dataOffset));
            }
            at += length;
        }
        return counters;
    }

    private static String name(final ByteBuffer data, final int from) {
        int end = from;
        while (data.get(end) != 0) {
            end++;
        }
        final byte[] bytes = new byte[end - from];
        data.get(from, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
