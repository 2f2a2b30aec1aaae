package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.benchmark.sample.JvmPerfData.GcTotals;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JvmPerfDataTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldReadTheLongCountersAndSkipEverythingElse(final boolean littleEndian) {
        final ByteBuffer file = counterFile(littleEndian,
                new Entry("sun.os.hrt.frequency", 'J', 0, 1_000_000_000L),
                new Entry("sun.gc.collector.0.name", 'B', 24, 0),
                new Entry("sun.gc.collector.0.invocations", 'J', 0, 42),
                new Entry("sun.gc.collector.0.time", 'J', 0, 7_000_000_000L));

        assertThat(JvmPerfData.parse(file)).containsExactly(
                Map.entry("sun.os.hrt.frequency", 1_000_000_000L),
                Map.entry("sun.gc.collector.0.invocations", 42L),
                Map.entry("sun.gc.collector.0.time", 7_000_000_000L));
    }

    @Test
    void shouldRefuseWhatIsNoCountersFile() {
        assertThatThrownBy(() -> JvmPerfData.parse(ByteBuffer.wrap(new byte[64])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSumTheCollectorsAndConvertTheirTicks() {
        final Map<String, Long> counters = Map.of(
                "sun.os.hrt.frequency", 1_000_000L,
                "sun.gc.collector.0.invocations", 3L, "sun.gc.collector.0.time", 2_000L,
                "sun.gc.collector.1.invocations", 1L, "sun.gc.collector.1.time", 500L,
                // No collector 2, so collector 3 is not one of this JVM's.
                "sun.gc.collector.3.invocations", 100L, "sun.gc.collector.3.time", 100_000L);

        assertThat(JvmPerfData.gcTotals(counters)).contains(new GcTotals(4, 2_500_000L));
        assertThat(JvmPerfData.gcTotals(Map.of("sun.os.hrt.frequency", 1_000L))).isEmpty();
        assertThat(JvmPerfData.gcTotals(Map.of("sun.gc.collector.0.invocations", 1L))).isEmpty();
    }

    @Test
    void shouldFindAJvmsFileUnderItsUsersDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("hsperfdata_someone"));
        Files.write(tmp.resolve("hsperfdata_someone").resolve("4242"),
                counterFile(false, new Entry("sun.rt.safepoints", 'J', 0, 9)).array());

        assertThat(JvmPerfData.counters(tmp, 4242)).contains(Map.of("sun.rt.safepoints", 9L));
        assertThat(JvmPerfData.counters(tmp, 4243)).isEmpty();
    }

    @Test
    void shouldSeeThisJvmsOwnCollectionsGrow() {
        final long pid = ProcessHandle.current().pid();
        final GcTotals before = JvmPerfData.counters(pid).flatMap(JvmPerfData::gcTotals).orElseThrow();

        System.gc();

        final GcTotals after = JvmPerfData.counters(pid).flatMap(JvmPerfData::gcTotals).orElseThrow();
        assertThat(after.pauses()).isGreaterThan(before.pauses());
        assertThat(after.pauseNanos()).isGreaterThan(before.pauseNanos());
    }

    private record Entry(String name, char type, int vectorLength, long value) {
    }

    /**
     * A counters file as HotSpot lays it out: a 32-byte prologue (magic, byte order, version 2.0,
     * accessible, used, overflow, time stamp, entry offset, entry count), then each entry's 20-byte
     * header, its NUL-terminated name padded to 8 bytes, and its data.
     */
    private static ByteBuffer counterFile(final boolean littleEndian, final Entry... entries) {
        final ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (final Entry entry : entries) {
            final byte[] name = (entry.name() + "\0").getBytes(StandardCharsets.US_ASCII);
            final int nameOffset = 20;
            final int dataOffset = align8(nameOffset + name.length);
            final int dataLength = entry.type() == 'J' ? 8 : entry.vectorLength();
            final int length = align8(dataOffset + dataLength);
            final ByteBuffer e = ByteBuffer.allocate(length).order(order);
            e.putInt(0, length).putInt(4, nameOffset).putInt(8, entry.vectorLength());
            e.put(12, (byte) entry.type()).put(13, (byte) 0).put(14, (byte) 1).put(15, (byte) 3);
            e.putInt(16, dataOffset);
            e.put(nameOffset, name);
            if (entry.type() == 'J') {
                e.putLong(dataOffset, entry.value());
            }
            body.writeBytes(e.array());
        }
        final ByteBuffer file = ByteBuffer.allocate(32 + body.size());
        file.order(ByteOrder.BIG_ENDIAN).putInt(0, JvmPerfData.MAGIC);
        file.put(4, (byte) (littleEndian ? 1 : 0)).put(5, (byte) 2).put(6, (byte) 0).put(7, (byte) 1);
        file.order(order).putInt(8, 32 + body.size()).putInt(12, 0).putLong(16, 0).putInt(24, 32)
                .putInt(28, entries.length);
        file.put(32, body.toByteArray());
        return file.order(ByteOrder.BIG_ENDIAN);
    }

    private static int align8(final int value) {
        return (value + 7) & ~7;
    }
}
