package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private final Sampler sampler = new Sampler(List.of(), new ProcFs(Path.of("/nonexistent")), () -> 0, () -> null, () -> 0, 100);

    @Test
    void shouldRecordTheLatencyOfEachSecondsOutcomesAndNoneForASecondWithout() {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1_000L);
        }
        final Iterator<Histogram> seconds = List.of(new Histogram(1_000, 3), micros, new Histogram(1_000, 3)).iterator();
        final Sampler latencySampler = new Sampler(List.of(), new ProcFs(Path.of("/nonexistent")), () -> 0,
                seconds::next, () -> 0, 100);
        latencySampler.start();
        latencySampler.sample();
        latencySampler.sample();

        final List<Sample> samples = latencySampler.samples();
        // 1..100 ms: the median is 50 ms, the 99th percentile 99 ms, the slowest 100 ms.
        assertThat(samples.get(0).latency()).isEqualTo(new Sample.Latency(50.0, 99.0, 100.0));
        assertThat(samples.get(1).latency()).isNull();
    }

    @Test
    void shouldCountContextSwitchesGainedPerProcessAndLeaveOutAProcessThatStopped() {
        // The broker's thread 2 ended within the step (its switches are lost), thread 3 started.
        final Map<String, Map<Long, Long>> before = Map.of(
                "kafka-node-1", Map.of(1L, 1_000L, 2L, 50_000L),
                "postgres", Map.of(7L, 10L));
        final Map<String, Map<Long, Long>> after = Map.of(
                "kafka-node-1", Map.of(1L, 1_600L, 3L, 400L),
                "postgres", Map.of());

        assertThat(Sampler.contextSwitchesBetween(before, after)).isEqualTo(Map.of("kafka-node-1", 1_000L));
    }

    @Test
    void shouldKeepTheBusiestThreadGroupsInSecondsBusiestFirstAndDropIdleOnes() {
        final Map<String, Map<Long, ThreadTicks>> before = Map.of("saga", Map.of(
                1L, new ThreadTicks("wallet-saga-orc", 1_000),
                2L, new ThreadTicks("kafka-producer-", 100),
                3L, new ThreadTicks("GC Thread#0", 10),
                4L, new ThreadTicks("Finalizer", 3)));
        final Map<String, Map<Long, ThreadTicks>> after = Map.of("saga", Map.of(
                1L, new ThreadTicks("wallet-saga-orc", 1_250),
                2L, new ThreadTicks("kafka-producer-", 150),
                3L, new ThreadTicks("GC Thread#0", 12),
                4L, new ThreadTicks("Finalizer", 3)));

        final Map<String, Map<String, Double>> top2 = sampler.threadSecondsBetween(before, after,
                Map.of("saga", Map.of(1L, "wallet-saga-orchestrator-StreamThread-1")), 2);
        final Map<String, Map<String, Double>> all = sampler.threadSecondsBetween(before, after, Map.of(), 10);

        // 100 ticks per second: 250 ticks are 2.5 s. The JVM's name wins over the kernel's.
        assertThat(top2.get("saga")).containsExactly(
                Map.entry("wallet-saga-orchestrator-StreamThread-#", 2.5), Map.entry("kafka-producer-", 0.5));
        // The idle Finalizer is left out even when there is room for it.
        assertThat(all.get("saga")).containsOnlyKeys("wallet-saga-orc", "kafka-producer-", "GC Thread##");
    }

    @Test
    void shouldCountJitSecondsOnlyFromTheCompilerThreads() {
        final Map<String, Map<Long, ThreadTicks>> before = Map.of("broker", Map.of(
                1L, new ThreadTicks("C2 CompilerThre", 500), 2L, new ThreadTicks("data-plane-kafk", 900)));
        final Map<String, Map<Long, ThreadTicks>> after = Map.of("broker", Map.of(
                1L, new ThreadTicks("C2 CompilerThre", 530), 2L, new ThreadTicks("data-plane-kafk", 2_900),
                3L, new ThreadTicks("C1 CompilerThre", 20)));

        assertThat(sampler.jitSecondsBetween(before, after)).containsExactly(Map.entry("broker", 0.5));
    }
}
